using System.Runtime.CompilerServices;

namespace ServiceQuality.Domain.Common;

/// <summary>
/// An interpolated-string handler that formats its message only when the guarded condition fails, so checks on hot
/// paths (every command, every SLA evaluation) cost nothing when they pass.
/// </summary>
[InterpolatedStringHandler]
internal ref struct FailureMessage
{
    private DefaultInterpolatedStringHandler _inner;

    public FailureMessage(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        shouldAppend = !condition;
        _inner = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public void AppendLiteral(string value) => _inner.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _inner.AppendFormatted(value, format);

    public string ToStringAndClear() => _inner.ToStringAndClear();
}
