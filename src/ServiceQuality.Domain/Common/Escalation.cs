using System.Globalization;
using System.Text;
using NodaTime;

namespace ServiceQuality.Domain.Common;

/// <summary>A report of a case (ticket or complaint) up the ladder (上报主管): one entry of an <see cref="EscalationTrack"/>.</summary>
/// <param name="Level">The level reached, from 1; levels only go up.</param>
/// <param name="Target">Who was told (a role or person).</param>
/// <param name="Reason">Why: the deciding rule's reason code (such as <c>time.100</c>) when recorded from a policy's decision, or a text for audit.</param>
/// <param name="EscalatedAt">When.</param>
public sealed record Escalation(int Level, string Target, string Reason, Instant EscalatedAt)
{
    /// <summary>Prints the members for <c>ToString</c>, with the target and the reason masked as personal data.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Level = {Level}, Target = {PersonalData.Text(Target)}, Reason = {PersonalData.Text(Reason)}, EscalatedAt = {EscalatedAt}");
        return true;
    }
}
