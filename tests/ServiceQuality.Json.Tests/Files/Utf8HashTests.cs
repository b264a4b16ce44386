using System.Text;
using ServiceQuality.Json.Reading;

namespace ServiceQuality.Json.Tests.Files;

/// <summary>
/// The replay's caches are direct-mapped: a slot is picked by the low bits of <see cref="Utf8Hash"/>, so ids that differ
/// only in their last digits (what a log holds) must spread over the slots about as random keys would.
/// </summary>
public sealed class Utf8HashTests
{
    [Theory]
    [InlineData("staff-", 40, 256)]
    [InlineData("C-", 10_000, 16_384)]
    [InlineData("T-", 1_000, 1_024)]
    [InlineData("", 3_000, 4_096)]
    [InlineData("a-rather-long-department-name-", 500, 4_096)]
    public void SequentialIds_SpreadOverTheSlotsAsRandomKeysWould(string prefix, int count, int slots)
    {
        var used = new HashSet<uint>();
        for (var i = 0; i < count; i++)
        {
            used.Add(Utf8Hash.Of(Encoding.UTF8.GetBytes(prefix + i)) & (uint)(slots - 1));
        }

        // Random keys fill slots * (1 - e^(-count/slots)) slots on average; allow a tenth less.
        var expected = slots * (1 - Math.Exp(-(double)count / slots));
        Assert.True(used.Count >= 0.9 * expected, $"{used.Count} slots used, about {expected:F0} expected.");
    }

    [Fact]
    public void EveryLengthAndEveryByte_ChangeTheHash()
    {
        // Each byte of texts of 0-40 bytes, changed alone, changes the hash (the overlapping reads cover every byte).
        for (var length = 0; length <= 40; length++)
        {
            var text = Enumerable.Range(0, length).Select(i => (byte)('a' + (i % 26))).ToArray();
            var hash = Utf8Hash.Of(text);
            Assert.Equal(hash, Utf8Hash.Of(text.ToArray()));
            Assert.NotEqual(hash, Utf8Hash.Of([.. text, (byte)'a']));
            for (var i = 0; i < length; i++)
            {
                var changed = text.ToArray();
                changed[i] ^= 1;
                Assert.NotEqual(hash, Utf8Hash.Of(changed));
            }
        }
    }
}
