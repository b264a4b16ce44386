namespace ServiceQuality.Domain.Agreements;

/// <summary>The key performance indicators an agreement can set objectives for.</summary>
public enum Kpi
{
    /// <summary>Ratings of 4-5 over ratings given.</summary>
    SatisfactionRate,

    /// <summary>Complaints over cases.</summary>
    ComplaintRate,

    /// <summary>Completed callbacks over required callbacks.</summary>
    CallbackRate,

    /// <summary>Closed cases over cases.</summary>
    ClosingRate,

    /// <summary>Cases resolved by the first-contact owner without transfer or reopen, over resolved cases.</summary>
    FirstContactResolutionRate,

    /// <summary>Met over met plus missed; cancelled cases excluded.</summary>
    SlaCompliance,
}
