namespace ServiceQuality.Domain.Visits;

/// <summary>The five-point satisfaction scale; 4 and 5 count as satisfied in the satisfaction rate.</summary>
public enum SatisfactionRating
{
    /// <summary>Very dissatisfied (1).</summary>
    VeryDissatisfied = 1,

    /// <summary>Dissatisfied (2).</summary>
    Dissatisfied = 2,

    /// <summary>Neutral (3).</summary>
    Neutral = 3,

    /// <summary>Satisfied (4).</summary>
    Satisfied = 4,

    /// <summary>Very satisfied (5).</summary>
    VerySatisfied = 5,
}
