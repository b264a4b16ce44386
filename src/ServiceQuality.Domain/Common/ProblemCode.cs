namespace ServiceQuality.Domain.Common;

/// <summary>
/// The codes of <see cref="DefinitionProblem"/>s that are not a broken <see cref="RuleCode"/> (those carry the rule's
/// name). Codes are stable: tests and programs compare them, never messages.
/// </summary>
public static class ProblemCode
{
    /// <summary>The text is not JSON: a syntax error, or the text ends early.</summary>
    public const string MalformedJson = nameof(MalformedJson);

    /// <summary>Text that cannot be read as written: invalid UTF-8, a lone UTF-16 surrogate, or a control character where none is allowed.</summary>
    public const string InvalidText = nameof(InvalidText);

    /// <summary>An object names the same property twice.</summary>
    public const string DuplicateProperty = nameof(DuplicateProperty);

    /// <summary>An object has a property the format does not define.</summary>
    public const string UnknownProperty = nameof(UnknownProperty);

    /// <summary>A required property is missing (or null).</summary>
    public const string MissingProperty = nameof(MissingProperty);

    /// <summary>A value has the wrong JSON kind: a number where a string is expected, an object where an array is.</summary>
    public const string WrongType = nameof(WrongType);

    /// <summary>A name that is not one of the documented names: an enumeration value, a tier code, an event type, a rule kind.</summary>
    public const string UnknownName = nameof(UnknownName);

    /// <summary>A value that does not have its documented form: a date, a time, a duration, an instant, a number.</summary>
    public const string InvalidFormat = nameof(InvalidFormat);

    /// <summary>A value outside what the library supports or the definition allows (a percentage above 100, a date after 2199).</summary>
    public const string OutOfRange = nameof(OutOfRange);

    /// <summary>A reference to something that is not defined: an unknown calendar, agreement, customer, ticket, complaint or visit.</summary>
    public const string UnknownReference = nameof(UnknownReference);

    /// <summary>An id defined twice.</summary>
    public const string DuplicateId = nameof(DuplicateId);

    /// <summary>Values that cannot stand together: two choices where one is expected, intervals that overlap, a list out of order.</summary>
    public const string Conflict = nameof(Conflict);

    /// <summary>A definition with nothing in it where something is needed: no open hours at all, no bands, no levels.</summary>
    public const string Empty = nameof(Empty);

    /// <summary>
    /// Something the input's format allows but a definition cannot hold: an iCalendar event that closes part of a day, a
    /// recurrence rule that cannot be expanded within the supported range.
    /// </summary>
    public const string Unsupported = nameof(Unsupported);
}
