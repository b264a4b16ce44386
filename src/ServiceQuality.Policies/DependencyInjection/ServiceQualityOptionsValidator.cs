using Ardalis.GuardClauses;
using Microsoft.Extensions.Options;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.DependencyInjection;

/// <summary>
/// Validates <see cref="ServiceQualityOptions"/> of every name with <see cref="ServiceQualityOptions.Validate"/>: one
/// failure per problem, each <c>path code: message</c> (as <see cref="Failure"/> writes it), every problem at once.
/// Stateless and thread-safe.
/// </summary>
internal sealed class ServiceQualityOptionsValidator : IValidateOptions<ServiceQualityOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ServiceQualityOptions options)
    {
        Guard.Against.Null(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(Failure));
    }

    /// <summary>A problem as one failure of an <see cref="OptionsValidationException"/>.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns><c>path code: message</c>, for example <c>ParetoACutPercent OutOfRange: must lie in 0-100</c>.</returns>
    public static string Failure(DefinitionProblem problem) => $"{problem.Path} {problem.Code}: {problem.Message}";
}
