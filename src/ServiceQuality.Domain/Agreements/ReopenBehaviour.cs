namespace ServiceQuality.Domain.Agreements;

/// <summary>What a reopened case does to its resolution clock.</summary>
public enum ReopenBehaviour
{
    /// <summary>The clock resumes; elapsed time before the resolution is kept.</summary>
    ContinueClock,

    /// <summary>A fresh clock starts; the earlier cycle's outcome is kept.</summary>
    NewCycle,
}
