namespace ServiceQuality.Domain.Agreements;

/// <summary>Where an agreement's calendar, or its time zone, is taken from (<see cref="CalendarSource"/>).</summary>
public enum CalendarScope
{
    /// <summary>The agreement's own: the calendar it names (<see cref="ServiceLevelAgreement.CalendarName"/>), or around the clock.</summary>
    Agreement,

    /// <summary>The customer's: the host looks it up by the case's customer (their site's hours, their zone).</summary>
    Customer,

    /// <summary>The team's: the host looks it up by the department the case was first assigned to.</summary>
    Team,

    /// <summary>The case's own: the host looks it up by the case (its site, configuration item or caller's zone).</summary>
    Case,
}
