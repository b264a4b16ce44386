using System.Runtime.CompilerServices;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>
/// Room for the statuses of one or two agreements on the stack, for the evaluations that return a result: only the
/// statuses written are copied to the heap, not the whole buffer as well.
/// </summary>
[InlineArray(Capacity)]
internal struct StatusBuffer
{
    public const int Capacity = 2 * SlaClock.MaxStatusesPerCase;

    private SlaStatus _first;
}
