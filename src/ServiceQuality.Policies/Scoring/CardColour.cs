namespace ServiceQuality.Policies.Scoring;

/// <summary>The penalty standing of a scorecard (红黄牌).</summary>
public enum CardColour
{
    /// <summary>No card.</summary>
    None,

    /// <summary>A yellow card: below the yellow threshold.</summary>
    Yellow,

    /// <summary>A red card: below the red threshold, or an automatic fail.</summary>
    Red,
}
