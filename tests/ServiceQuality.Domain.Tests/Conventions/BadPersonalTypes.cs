using System.Text;
using ServiceQuality.Domain.Common;

// Deliberately leaky and well-behaved public types for the personal data walk: it must report the first only.
namespace ServiceQuality.Domain.Tests.Conventions.BadTypes.Visits;

public sealed record LeakyVisitNote(VisitId Visit, string Comment);

public sealed record MaskedVisitNote(VisitId Visit, string Comment)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Visit = ").Append(Visit.ToString()).Append(", Comment = ").Append(PersonalData.Text(Comment));
        return true;
    }
}
