using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Customers;

/// <summary>
/// How to reach a customer. This is personal data: <see cref="ToString"/> masks every field (the phone keeps at most its
/// last four digits, the e-mail its first character and its domain, the address its first character), and the library never puts these values whole in a
/// message. The properties hold the values whole.
/// </summary>
/// <param name="Phone">A telephone number, or null.</param>
/// <param name="Email">An e-mail address, or null.</param>
/// <param name="Address">A postal address, or null.</param>
public sealed record ContactDetails(string? Phone, string? Email, string? Address)
{
    /// <summary>No contact details.</summary>
    public static ContactDetails None { get; } = new(null, null, null);

    /// <summary>Returns the details masked, such as <c>phone *******5678, email z***@example.com, address 北***</c>.</summary>
    /// <returns>The masked details.</returns>
    public override string ToString()
    {
        var parts = new List<string>(3);
        if (!string.IsNullOrEmpty(Phone))
        {
            parts.Add("phone " + PersonalData.Phone(Phone));
        }

        if (!string.IsNullOrEmpty(Email))
        {
            parts.Add("email " + PersonalData.Email(Email));
        }

        if (!string.IsNullOrEmpty(Address))
        {
            parts.Add("address " + PersonalData.Text(Address));
        }

        return parts.Count == 0 ? "no contact details" : string.Join(", ", parts);
    }
}
