using NodaTime;

namespace ServiceDesk.Orleans.Grains;

/// <summary>
/// The instant the read model evaluates every case at — the report's cut (<c>--at</c>, or a week after the last event as
/// the sample's default): a definition every silo of the cluster shares, like the calendar. Cases are counted as they
/// stood then (events after it ignored, cases opened after it left out), so the counts are exact once every event up to
/// the cut is in; before that they are what the cut would show if nothing more happened.
/// </summary>
internal sealed record ReadModelCut(Instant At);
