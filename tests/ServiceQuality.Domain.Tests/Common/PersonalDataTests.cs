using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Tests.Common;

public sealed class PersonalDataTests
{
    /// <summary>
    /// Strings built from pieces that break naive masking: surrogate pairs (an emoji, a CJK Extension-B character), lone
    /// surrogates, control and format characters, white space, digits, separators, CJK and ASCII letters.
    /// </summary>
    private static readonly Gen<string> Texts =
        Gen.ArrayOf(Gen.Elements(
                "a", "Z", "7", "0", "-", " ", "+", "@", ".", "张", "伟", "\U0001F600", "\U00020000", "\U0002A6D6",
                "\uD83D", "\uDE00", "\n", "\u0000", "\u202E", "\u0301"))
            .Select(pieces => string.Concat(pieces));

    [Theory]
    [InlineData("13812345678", "*******5678")]
    [InlineData("+86 138-1234-5678", "*********5678")]
    [InlineData("1234567", "*******")]
    [InlineData("ext. none", "***")]
    [InlineData("", "")]
    public void Phone_KeepsAtMostTheLastFourDigits(string phone, string expected) =>
        Assert.Equal(expected, PersonalData.Phone(phone));

    [Theory]
    [InlineData("Zhang Wei 张伟", "Z***")]
    [InlineData("张伟", "张***")]
    [InlineData("北京市朝阳区建国路88号", "北***")]
    [InlineData("\U0001F600 smile", "\U0001F600***")]
    [InlineData("\U00020000\U00020001", "\U00020000***")]
    [InlineData("A", "***")]
    [InlineData("\U0001F600", "***")]
    [InlineData("\nforged line", "***")]
    [InlineData("\u202Eevil", "***")]
    [InlineData(" padded", "***")]
    [InlineData("", "")]
    public void Text_ShowsTheFirstCharacterOnlyWhenItIsSafe(string text, string expected) =>
        Assert.Equal(expected, PersonalData.Text(text));

    [Theory]
    [InlineData("zhang.wei@example.com", "z***@example.com")]
    [InlineData("z@example.com", "***@example.com")]
    [InlineData("zhang@exa mple.com", "z***")]
    [InlineData("zhang@ex\nample.com", "z***")]
    [InlineData("@example.com", "@***")]
    [InlineData("no-at-sign", "n***")]
    public void Email_KeepsThePlainDomainAndMasksTheLocalPart(string email, string expected) =>
        Assert.Equal(expected, PersonalData.Email(email));

    [Fact]
    public void Text_StartingWithALoneSurrogate_ShowsNothingOfIt()
    {
        Assert.Equal("***", PersonalData.Text("\uD83Dabc"));
        Assert.Equal("***", PersonalData.Text("\uDE00\uD83D"));
    }

    [Fact]
    public void Masks_OfNull_AreNull()
    {
        Assert.Null(PersonalData.Text(null));
        Assert.Null(PersonalData.Phone(null));
        Assert.Null(PersonalData.Email(null));
    }

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property Phone_OfAnyText_ShowsOnlyStarsAndAtMostItsLastFourDigits() =>
        Prop.ForAll(Texts.ToArbitrary(), text =>
        {
            var mask = PersonalData.Phone(text)!;
            var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
            var shown = new string(mask.Where(char.IsAsciiDigit).ToArray());

            Assert.All(mask, c => Assert.True(c == '*' || char.IsAsciiDigit(c), $"unexpected U+{(int)c:X4} in {mask}"));
            Assert.True(shown.Length <= 4, mask);
            Assert.EndsWith(shown, digits, StringComparison.Ordinal);
            Assert.True(digits.Length < 8 || shown.Length == 4, mask);
            if (digits.Length > 0)
            {
                Assert.NotEqual(digits, mask);
            }
        });

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property Text_OfAnyText_NeverCutsASurrogatePairNorShowsMoreThanTheFirstCharacter() =>
        Prop.ForAll(Texts.ToArbitrary(), text =>
        {
            var mask = PersonalData.Text(text)!;

            AssertPrintable(mask);
            if (text.Length == 0)
            {
                Assert.Equal(string.Empty, mask);
                return;
            }

            Assert.EndsWith(PersonalData.Hidden, mask, StringComparison.Ordinal);
            var shown = mask[..^PersonalData.Hidden.Length];
            Assert.StartsWith(shown, text, StringComparison.Ordinal);
            Assert.True(shown.Length == 0 || (Rune.DecodeFromUtf16(shown, out _, out var length) == System.Buffers.OperationStatus.Done && length == shown.Length), mask);
            Assert.True(shown.Length < text.Length, mask);
        });

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property Email_OfAnyText_IsPrintableAndShowsAtMostTheFirstCharacterBeforeTheMask() =>
        Prop.ForAll(Texts.ToArbitrary(), Texts.ToArbitrary(), (local, domain) =>
        {
            var email = local + "@" + domain;
            var mask = PersonalData.Email(email)!;

            AssertPrintable(mask);
            var hidden = mask.IndexOf(PersonalData.Hidden, StringComparison.Ordinal);
            Assert.InRange(hidden, 0, 2);
            Assert.StartsWith(mask[..hidden], email, StringComparison.Ordinal);
        });

    private static void AssertPrintable(string mask)
    {
        for (var i = 0; i < mask.Length; i++)
        {
            if (char.IsHighSurrogate(mask[i]) && i + 1 < mask.Length && char.IsLowSurrogate(mask[i + 1]))
            {
                i++;
                continue;
            }

            Assert.False(char.IsSurrogate(mask[i]), $"lone surrogate at {i} in the mask");
            Assert.False(char.IsControl(mask[i]), $"control character at {i} in the mask");
            Assert.NotEqual(System.Globalization.UnicodeCategory.Format, char.GetUnicodeCategory(mask[i]));
        }
    }
}
