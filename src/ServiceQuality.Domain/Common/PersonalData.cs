using System.Globalization;
using System.Text;

namespace ServiceQuality.Domain.Common;

/// <summary>
/// Masks personal data wherever the library produces text (<c>ToString</c>, records' printed members, messages): enough
/// to recognise a value, never enough to use it. The values themselves stay whole in the properties that hold them.
/// </summary>
/// <remarks>
/// <para>
/// Personal data is a customer's name, telephone number, e-mail and postal address, and every free text typed for a case
/// (replies, remedies, comments, reasons, third-party results, escalation targets), since such text may quote or name
/// the customer. Names of configuration (agreements, calendars, tiers, rating dimensions) are not personal.
/// </para>
/// <para>The masks:</para>
/// <list type="bullet">
/// <item><description>
/// Text (names, addresses, free text): the first character then <c>***</c> (<c>Zhang Wei</c> → <c>Z***</c>,
/// <c>北京市朝阳区</c> → <c>北***</c>). The first character is a whole Unicode scalar value, so a surrogate pair is never
/// cut; it is shown only when it is a letter, digit, punctuation or symbol and the text has more than one character,
/// otherwise the mask is <c>***</c> alone. Empty stays empty.
/// </description></item>
/// <item><description>
/// Telephone: <c>*</c> for each digit but the last four, then the last four digits; other characters (spaces, dashes,
/// <c>+</c>) are dropped (<c>13812345678</c> → <c>*******5678</c>). A number of fewer than eight digits shows no digit
/// (<c>*</c> per digit); a value without digits is <c>***</c>.
/// </description></item>
/// <item><description>
/// E-mail: the local part masked as text, then <c>@</c> and the domain when the domain is a plain ASCII host name
/// (<c>zhang.wei@example.com</c> → <c>z***@example.com</c>); any other value is masked as text.
/// </description></item>
/// </list>
/// <para>A mask never holds a lone surrogate, a control or a format character, whatever the value. Null stays null. Thread-safe.</para>
/// </remarks>
internal static class PersonalData
{
    /// <summary>What stands for the hidden part of a value.</summary>
    public const string Hidden = "***";

    private const int LongestDomain = 253;

    private const int DigitsShownFromLength = 8;

    private const int DigitsShown = 4;

    /// <summary>Masks a name, address or free text: its first character then <see cref="Hidden"/>.</summary>
    /// <param name="value">The text, or null.</param>
    /// <returns>The mask; null for null, empty for empty.</returns>
    public static string? Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        if (Rune.DecodeFromUtf16(value, out var first, out var length) != System.Buffers.OperationStatus.Done
            || length == value.Length
            || !IsShowable(first))
        {
            return Hidden;
        }

        return string.Concat(value.AsSpan(0, length), Hidden);
    }

    /// <summary>Masks a telephone number, keeping at most its last four digits.</summary>
    /// <param name="value">The number, or null.</param>
    /// <returns>The mask; null for null, empty for empty.</returns>
    public static string? Phone(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var digits = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
        }

        if (digits == 0)
        {
            return Hidden;
        }

        var shown = digits >= DigitsShownFromLength ? DigitsShown : 0;
        var mask = new StringBuilder(digits);
        mask.Append('*', digits - shown);
        var seen = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c) && ++seen > digits - shown)
            {
                mask.Append(c);
            }
        }

        return mask.ToString();
    }

    /// <summary>Masks an e-mail address: the local part as <see cref="Text"/>, the domain kept when it is a plain host name.</summary>
    /// <param name="value">The address, or null.</param>
    /// <returns>The mask; null for null, empty for empty.</returns>
    public static string? Email(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var at = value.LastIndexOf('@');
        return at > 0 && IsHostName(value.AsSpan(at + 1))
            ? string.Concat(Text(value[..at]), value.AsSpan(at))
            : Text(value);
    }

    private static bool IsShowable(Rune rune) =>
        Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark => false,
            _ => true,
        };

    private static bool IsHostName(ReadOnlySpan<char> domain)
    {
        if (domain.IsEmpty || domain.Length > LongestDomain)
        {
            return false;
        }

        foreach (var c in domain)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '.' and not '-')
            {
                return false;
            }
        }

        return true;
    }
}
