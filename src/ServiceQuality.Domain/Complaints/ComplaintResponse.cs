using System.Globalization;
using System.Text;
using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Complaints;

/// <summary>The reply given to the customer and the remedy offered.</summary>
/// <param name="Reply">What the customer was told.</param>
/// <param name="Remedy">What will be or was done to put things right.</param>
/// <param name="RespondedAt">When.</param>
public sealed record ComplaintResponse(string Reply, string Remedy, Instant RespondedAt)
{
    /// <summary>Prints the members for <c>ToString</c>, with the reply and the remedy masked as personal data.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Reply = {PersonalData.Text(Reply)}, Remedy = {PersonalData.Text(Remedy)}, RespondedAt = {RespondedAt}");
        return true;
    }
}
