namespace ServiceQuality.Policies.Trust;

/// <summary>
/// The reason codes of <see cref="AccessDecision"/>s. Codes are stable: programs and tests compare them, never messages.
/// A label-based decision (<see cref="TrustModel.Decide"/>) is refused for the first reason that applies, in the order
/// listed here.
/// </summary>
public static class TrustReasons
{
    /// <summary>Allowed: every check passed.</summary>
    public const string Allowed = "trust.allowed";

    /// <summary>Denied: the policy does not know the operation (default deny: an unknown operation is never allowed).</summary>
    public const string UnknownOperation = "trust.unknown-operation";

    /// <summary>Denied: none of the subject's labels may touch every label of the object (or the object has no label).</summary>
    public const string LabelScope = "trust.label-scope";

    /// <summary>Denied: the operation is in no default permission set of the subject's labels that may touch the object.</summary>
    public const string NotInDefaultSet = "trust.not-in-default-set";

    /// <summary>Denied: the score lies in a trust band whose permission set leaves the operation out.</summary>
    public const string Band = "trust.band";

    /// <summary>Denied: the object carries a critical label and the score is below that label's threshold.</summary>
    public const string CriticalObject = "trust.critical-object";

    /// <summary>Denied by <see cref="ITrustPolicy.Authorize"/>: the score is below the operation's threshold.</summary>
    public const string BelowThreshold = "trust.below-threshold";
}
