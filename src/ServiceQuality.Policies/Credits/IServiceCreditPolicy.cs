namespace ServiceQuality.Policies.Credits;

/// <summary>Turns measured compliance into a service credit. Pure and thread-safe; see <see cref="CreditPolicies"/>.</summary>
public interface IServiceCreditPolicy
{
    /// <summary>What the policy does, in words.</summary>
    string Description { get; }

    /// <summary>The credit owed for a claim.</summary>
    /// <param name="request">The claim.</param>
    /// <returns>The credit, zero when none is owed.</returns>
    ServiceCredit Compute(ServiceCreditRequest request);
}
