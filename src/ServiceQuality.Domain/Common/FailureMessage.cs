using System.Globalization;
using System.Runtime.CompilerServices;

namespace ServiceQuality.Domain.Common;

/// <summary>
/// An interpolated-string handler that formats its message only when the guarded check fails, so checks on hot
/// paths (every command, every SLA evaluation) cost nothing when they pass. Values are formatted in the invariant
/// culture, so a message reads the same on every machine.
/// </summary>
[InterpolatedStringHandler]
internal ref struct FailureMessage
{
    private DefaultInterpolatedStringHandler _inner;

    /// <summary>Starts a message that is built only when <paramref name="failed"/> is true.</summary>
    public FailureMessage(int literalLength, int formattedCount, bool failed, out bool shouldAppend)
    {
        shouldAppend = failed;
        _inner = failed ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
    }

    public void AppendLiteral(string value) => _inner.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _inner.AppendFormatted(value, format);

    public string ToStringAndClear() => _inner.ToStringAndClear();
}
