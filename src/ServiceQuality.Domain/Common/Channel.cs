namespace ServiceQuality.Domain.Common;

/// <summary>How a customer reached the service centre.</summary>
public enum Channel
{
    /// <summary>A telephone call to a staff member or office.</summary>
    Phone,

    /// <summary>The service hotline (call centre).</summary>
    Hotline,

    /// <summary>In person at a counter or service window.</summary>
    WalkIn,

    /// <summary>A web form, app or chat.</summary>
    Online,

    /// <summary>E-mail.</summary>
    Email,

    /// <summary>A letter or a visit to the letters-and-calls office.</summary>
    Letter,

    /// <summary>A self-service terminal or portal.</summary>
    SelfService,
}
