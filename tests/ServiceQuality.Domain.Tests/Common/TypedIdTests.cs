using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Tests.Common;

public sealed class TypedIdTests
{
    // Every typed id validates its text the same way; the factories let one test cover them all.
    private static readonly Func<string, object>[] Constructors =
    [
        v => new AgreementId(v),
        v => new ComplaintId(v),
        v => new CustomerId(v),
        v => new DepartmentId(v),
        v => new StaffId(v),
        v => new TicketId(v),
        v => new VisitId(v),
    ];

    [Fact]
    public void Constructor_WhenTheTextHoldsAControlCharacter_ThrowsArgumentException()
    {
        string[] texts = ["C-1\u0000", "C\t1", "C-1\r\n", "C\u001B[31m", "C\u0085"];

        Assert.All(Constructors, create => Assert.All(texts, text =>
            Assert.Equal("value", Assert.Throws<ArgumentException>(() => create(text)).ParamName)));
    }

    [Fact]
    public void Constructor_WhenTheTextHoldsALoneSurrogate_ThrowsArgumentException()
    {
        string[] texts = ["C-\uD83D", "\uDE00-C", "C-\uDE00\uD83D-1"];

        Assert.All(Constructors, create => Assert.All(texts, text =>
            Assert.Equal("value", Assert.Throws<ArgumentException>(() => create(text)).ParamName)));
    }

    [Fact]
    public void Constructor_WhenTheTextIsBlankOrTooLong_ThrowsTheArgumentExceptionsOfToday()
    {
        Assert.All(Constructors, create =>
        {
            Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => create(null!)).ParamName);
            Assert.Equal("value", Assert.Throws<ArgumentException>(() => create(" ")).ParamName);
            Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => create(new string('x', 129))).ParamName);
        });
    }

    [Fact]
    public void Constructor_WhenTheTextIsValid_KeepsIt()
    {
        string[] texts = ["C-1", "工单-2025-0001", "emoji-\uD83D\uDE00", new string('x', 128)];

        Assert.All(Constructors, create => Assert.All(texts, text => Assert.Equal(text, create(text).ToString())));
    }
}
