using System.Collections.ObjectModel;
using System.Text.Json;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Visits;

namespace ServiceQuality.Json.Converters;

/// <summary>Reads an item of a JSON array (or any value) at the reader's current token.</summary>
internal delegate T ValueReader<out T>(ref Utf8JsonReader reader, Where what);

/// <summary>
/// Strict readers and writers of the domain's small values: money, tiers, agreement references, ratios, contact details,
/// visit subjects, ratings per dimension, and arrays. Each writer writes the value only (the caller writes its property
/// name); each reader reads the value at the reader's token and refuses anything else with a <see cref="JsonException"/>.
/// </summary>
internal static class ValueCodecs
{
    private static readonly JsonProperties MoneyProperties = new(nameof(Money), "amount", "currency");
    private static readonly JsonProperties TierProperties = new(nameof(ServiceTier), "code", "rank");
    private static readonly JsonProperties ReferenceProperties = new(nameof(AgreementReference), "id", "version");
    private static readonly JsonProperties RatioProperties = new(nameof(Ratio), "numerator", "denominator");
    private static readonly JsonProperties ContactProperties = new(nameof(ContactDetails), "phone", "email", "address");
    private static readonly JsonProperties SubjectProperties = new(nameof(VisitSubject), "ticket", "complaint");
    private static readonly JsonEncodedText[] StockTierCodes = [.. ServiceTier.WellKnown.Select(t => JsonEncodedText.Encode(t.Code))];
    private static readonly Utf8NameTable StockTierTable = new(StockTierCodes);

    /// <summary><c>{"amount": 12.50, "currency": "CNY"}</c>: the amount as a JSON number with the decimal's exact digits.</summary>
    public static Money ReadMoney(ref Utf8JsonReader reader, Where what)
    {
        var properties = new ObjectReader(ref reader, MoneyProperties);
        var (amount, currency) = (0m, (string?)null);
        while (properties.Next(ref reader))
        {
            if (properties.Index == 0)
            {
                amount = JsonValues.ReadDecimal(ref reader, properties.Where);
            }
            else
            {
                currency = JsonValues.ReadString(ref reader, properties.Where);
            }
        }

        try
        {
            return new Money(amount, currency!);
        }
        catch (ArgumentException e)
        {
            throw JsonErrors.Invalid(what, $"not valid money: {e.Message}", e);
        }
    }

    public static Money? ReadNullableMoney(ref Utf8JsonReader reader, Where what) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadMoney(ref reader, what);

    public static void WriteMoney(JsonOut writer, Money value, Where what)
    {
        if (value.Currency is null)
        {
            throw JsonErrors.Unwritable(what, "the money has no currency (a default value).");
        }

        writer.WriteStartObject();
        writer.WriteNumber(MoneyProperties[0], value.Amount);
        writer.WriteString(MoneyProperties[1], value.Currency);
        writer.WriteEndObject();
    }

    public static void WriteNullableMoney(JsonOut writer, Money? value, Where what)
    {
        if (value is { } money)
        {
            WriteMoney(writer, money, what);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>
    /// A stock tier as its code (<c>"gold"</c>); any other tier, including a stock code with another rank, as
    /// <c>{"code": "platinum", "rank": 7}</c>. A bare code that is not a stock tier's is refused: its rank would be a guess.
    /// </summary>
    public static ServiceTier ReadTier(ref Utf8JsonReader reader, Where what)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var index = StockTierTable.IndexOf(ref reader);
            return index >= 0
                ? ServiceTier.WellKnown[index]
                : throw JsonErrors.Invalid(
                    what,
                    $"'{JsonErrors.Quote(reader.GetString()!)}' is not a stock tier ({Utf8Names.List(StockTierCodes)}); another tier is written with its rank, as {{\"code\": \"platinum\", \"rank\": 7}}.");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw JsonErrors.Expected(what, "a stock tier's code or an object with code and rank", ref reader);
        }

        var properties = new ObjectReader(ref reader, TierProperties);
        var (code, rank) = ((string?)null, 0);
        while (properties.Next(ref reader))
        {
            if (properties.Index == 0)
            {
                code = JsonValues.ReadString(ref reader, properties.Where);
            }
            else
            {
                rank = JsonValues.ReadInt32(ref reader, properties.Where);
            }
        }

        try
        {
            return new ServiceTier(code!, rank);
        }
        catch (ArgumentException e)
        {
            throw JsonErrors.Invalid(what, $"not a valid ServiceTier: {e.Message}", e);
        }
    }

    public static ServiceTier? ReadNullableTier(ref Utf8JsonReader reader, Where what) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadTier(ref reader, what);

    public static void WriteTier(JsonOut writer, ServiceTier value, Where what)
    {
        if (value.Code is null)
        {
            throw JsonErrors.Unwritable(what, "the tier is a default value, with no code.");
        }

        for (var i = 0; i < StockTierCodes.Length; i++)
        {
            if (ServiceTier.WellKnown[i] == value)
            {
                writer.WriteStringValue(StockTierCodes[i]);
                return;
            }
        }

        writer.WriteStartObject();
        writer.WriteString(TierProperties[0], JsonValues.Text(value.Code, what));
        writer.WriteNumber(TierProperties[1], value.Rank);
        writer.WriteEndObject();
    }

    public static void WriteNullableTier(JsonOut writer, ServiceTier? value, Where what)
    {
        if (value is { } tier)
        {
            WriteTier(writer, tier, what);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary><c>{"id": "PM-2025", "version": 3}</c>, the version from 1.</summary>
    public static AgreementReference ReadReference(ref Utf8JsonReader reader, Where what)
    {
        var properties = new ObjectReader(ref reader, ReferenceProperties);
        var (id, version) = (default(AgreementId), 0);
        while (properties.Next(ref reader))
        {
            if (properties.Index == 0)
            {
                id = JsonValues.ReadId(ref reader, properties.Where, static v => new AgreementId(v));
            }
            else
            {
                version = JsonValues.ReadInt32(ref reader, properties.Where);
                if (version < 1)
                {
                    throw JsonErrors.Invalid(properties.Where, $"an agreement version is at least 1; {version} given.");
                }
            }
        }

        return new AgreementReference(id, version);
    }

    public static AgreementReference? ReadNullableReference(ref Utf8JsonReader reader, Where what) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadReference(ref reader, what);

    public static void WriteReference(JsonOut writer, AgreementReference value, Where what)
    {
        if (value.Version < 1)
        {
            throw JsonErrors.Unwritable(what, $"an agreement version is at least 1; {value.Version} given.");
        }

        writer.WriteStartObject();
        JsonValues.WriteId(writer, ReferenceProperties[0], value.Id.Value, what);
        writer.WriteNumber(ReferenceProperties[1], value.Version);
        writer.WriteEndObject();
    }

    public static void WriteNullableReference(JsonOut writer, AgreementReference? value, Where what)
    {
        if (value is { } reference)
        {
            WriteReference(writer, reference, what);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary><c>{"numerator": 45, "denominator": 50}</c>: both counts, never a rounded rate.</summary>
    public static Ratio ReadRatio(ref Utf8JsonReader reader, Where what)
    {
        var properties = new ObjectReader(ref reader, RatioProperties);
        var (numerator, denominator) = (0L, 0L);
        while (properties.Next(ref reader))
        {
            if (properties.Index == 0)
            {
                numerator = JsonValues.ReadInt64(ref reader, properties.Where);
            }
            else
            {
                denominator = JsonValues.ReadInt64(ref reader, properties.Where);
            }
        }

        try
        {
            return new Ratio(numerator, denominator);
        }
        catch (ArgumentException e)
        {
            throw JsonErrors.Invalid(what, $"not a valid Ratio: {e.Message}", e);
        }
    }

    public static void WriteRatio(JsonOut writer, Ratio value)
    {
        writer.WriteStartObject();
        writer.WriteNumber(RatioProperties[0], value.Numerator);
        writer.WriteNumber(RatioProperties[1], value.Denominator);
        writer.WriteEndObject();
    }

    /// <summary><c>{"phone": "13812345678", "email": null, "address": null}</c>: each text or null, all three present.</summary>
    public static ContactDetails ReadContact(ref Utf8JsonReader reader, Where what)
    {
        var properties = new ObjectReader(ref reader, ContactProperties);
        var (phone, email, address) = ((string?)null, (string?)null, (string?)null);
        while (properties.Next(ref reader))
        {
            var text = JsonValues.ReadNullableString(ref reader, properties.Where);
            switch (properties.Index)
            {
                case 0:
                    phone = text;
                    break;
                case 1:
                    email = text;
                    break;
                default:
                    address = text;
                    break;
            }
        }

        return new ContactDetails(phone, email, address);
    }

    public static void WriteContact(JsonOut writer, ContactDetails? value, Where what)
    {
        if (value is null)
        {
            throw JsonErrors.Unwritable(what, "the contact details are null.");
        }

        writer.WriteStartObject();
        JsonValues.WriteNullableString(writer, ContactProperties[0], value.Phone, what);
        JsonValues.WriteNullableString(writer, ContactProperties[1], value.Email, what);
        JsonValues.WriteNullableString(writer, ContactProperties[2], value.Address, what);
        writer.WriteEndObject();
    }

    /// <summary><c>{"ticket": "T-1", "complaint": null}</c>: at most one of the two, both null for none.</summary>
    public static VisitSubject ReadSubject(ref Utf8JsonReader reader, Where what)
    {
        var properties = new ObjectReader(ref reader, SubjectProperties);
        var (ticket, complaint) = ((TicketId?)null, (ComplaintId?)null);
        while (properties.Next(ref reader))
        {
            if (properties.Index == 0)
            {
                ticket = JsonValues.ReadNullableId(ref reader, properties.Where, static v => new TicketId(v));
            }
            else
            {
                complaint = JsonValues.ReadNullableId(ref reader, properties.Where, static v => new ComplaintId(v));
            }
        }

        return (ticket, complaint) switch
        {
            ({ } t, null) => VisitSubject.ForTicket(t),
            (null, { } c) => VisitSubject.ForComplaint(c),
            (null, null) => VisitSubject.None,
            _ => throw JsonErrors.Invalid(what, "a visit follows up a ticket or a complaint, not both."),
        };
    }

    public static void WriteSubject(JsonOut writer, VisitSubject? value, Where what)
    {
        if (value is null)
        {
            throw JsonErrors.Unwritable(what, "the visit subject is null.");
        }

        writer.WriteStartObject();
        JsonValues.WriteNullableId(writer, SubjectProperties[0], value.Ticket?.Value, value.Ticket is not null, what);
        JsonValues.WriteNullableId(writer, SubjectProperties[1], value.Complaint?.Value, value.Complaint is not null, what);
        writer.WriteEndObject();
    }

    /// <summary><c>{"reception": "Satisfied", "repair": "VerySatisfied"}</c>: ratings by dimension name, each name once.</summary>
    public static IReadOnlyDictionary<string, SatisfactionRating> ReadRatings(ref Utf8JsonReader reader, Where what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw JsonErrors.Expected(what, "an object of ratings by dimension", ref reader);
        }

        var ratings = new SortedDictionary<string, SatisfactionRating>(StringComparer.Ordinal);
        while (true)
        {
            JsonErrors.Read(ref reader, what);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return new ReadOnlyDictionary<string, SatisfactionRating>(ratings);
            }

            var name = reader.GetString()!;
            JsonErrors.Read(ref reader, what);
            if (!ratings.TryAdd(name, EnumCodec<SatisfactionRating>.Read(ref reader, what)))
            {
                throw JsonErrors.Invalid(what, $"the dimension '{JsonErrors.Quote(name)}' appears twice.");
            }
        }
    }

    /// <summary>Writes the ratings with their names in ordinal order, whatever the dictionary's own order.</summary>
    public static void WriteRatings(JsonOut writer, IReadOnlyDictionary<string, SatisfactionRating>? value, Where what)
    {
        if (value is null)
        {
            throw JsonErrors.Unwritable(what, "the ratings are null.");
        }

        writer.WriteStartObject();
        foreach (var (name, rating) in value.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(JsonValues.Text(name, what));
            writer.WriteStringValue(EnumCodec<SatisfactionRating>.Name(rating, what));
        }

        writer.WriteEndObject();
    }

    /// <summary>An array, each item read by <paramref name="readItem"/>.</summary>
    public static T[] ReadArray<T>(ref Utf8JsonReader reader, Where what, ValueReader<T> readItem)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw JsonErrors.Expected(what, "an array", ref reader);
        }

        var items = new List<T>();
        while (true)
        {
            JsonErrors.Read(ref reader, what);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return [.. items];
            }

            items.Add(readItem(ref reader, what));
        }
    }

    public static void WriteArray<T>(JsonOut writer, IReadOnlyList<T>? items, Where what, Action<JsonOut, T, Where> writeItem)
    {
        if (items is null)
        {
            throw JsonErrors.Unwritable(what, "the list is null.");
        }

        writer.WriteStartArray();
        foreach (var item in items)
        {
            writeItem(writer, item, what);
        }

        writer.WriteEndArray();
    }
}
