namespace ServiceQuality.Domain.Customers;

/// <summary>A customer's credit grade (信用等级), from the host's own credit assessment.</summary>
public enum CreditGrade
{
    /// <summary>Not assessed yet.</summary>
    Unrated,

    /// <summary>Excellent: pays on time, no disputes.</summary>
    A,

    /// <summary>Good.</summary>
    B,

    /// <summary>Fair: occasional late payment or dispute.</summary>
    C,

    /// <summary>Poor: arrears or repeated disputes.</summary>
    D,
}
