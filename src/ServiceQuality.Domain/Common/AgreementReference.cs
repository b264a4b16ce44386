namespace ServiceQuality.Domain.Common;

/// <summary>One version of one agreement: what a case was opened under and keeps for its whole life.</summary>
/// <param name="Id">The agreement.</param>
/// <param name="Version">The version, from 1.</param>
public readonly record struct AgreementReference(AgreementId Id, int Version)
{
    /// <summary>Returns <c>id v3</c>.</summary>
    /// <returns>The id and version.</returns>
    public override string ToString() => $"{Id} v{Version}";
}
