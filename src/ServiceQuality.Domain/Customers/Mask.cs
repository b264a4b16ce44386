namespace ServiceQuality.Domain.Customers;

/// <summary>Masks personal data for display: enough to recognise, never enough to use.</summary>
internal static class Mask
{
    public static string Phone(string phone) =>
        phone.Length <= 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];

    public static string Email(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? Keep(email, 1) : email[..1] + "***" + email[at..];
    }

    public static string Keep(string text, int visible) =>
        text.Length <= visible ? new string('*', text.Length) : text[..visible] + "***";
}
