namespace ServiceQuality.Domain.Agreements;

/// <summary>Where an agreement version is in its life: Draft → Published → Retired.</summary>
public enum AgreementStatus
{
    /// <summary>Being edited; not in force.</summary>
    Draft,

    /// <summary>In force from its effective instant; frozen.</summary>
    Published,

    /// <summary>No longer offered to new cases; cases opened under it keep it.</summary>
    Retired,
}
