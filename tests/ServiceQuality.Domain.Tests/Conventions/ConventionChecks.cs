using System.Reflection;
using System.Runtime.CompilerServices;

namespace ServiceQuality.Domain.Tests.Conventions;

/// <summary>
/// The house rules of the public API as reflection checks. Each returns the violations it finds, so a
/// test can show that a check passes on the libraries and fails on a deliberately bad type.
/// </summary>
public static class ConventionChecks
{
    /// <summary>Namespaces whose last segment names an aggregate folder.</summary>
    public static readonly IReadOnlySet<string> AggregateFolders =
        new HashSet<string>(StringComparer.Ordinal) { "Customers", "Tickets", "Complaints", "Visits", "Agreements" };

    private static readonly Type[] ForbiddenTimeTypes = [typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan)];

    private const BindingFlags PublicMembers =
        BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IEnumerable<string> ClassesNotSealedStaticOrAbstract(IEnumerable<Type> types) =>
        from type in types
        where type.IsClass && !type.IsSealed && !type.IsAbstract && !IsDelegate(type)
        select $"{type.FullName} is a public class that is neither sealed, static nor abstract";

    public static IEnumerable<string> StructsNotReadOnly(IEnumerable<Type> types) =>
        from type in types
        where type.IsValueType && !type.IsEnum && !type.IsDefined(typeof(IsReadOnlyAttribute), false)
        select $"{type.FullName} is a public struct that is not readonly";

    public static IEnumerable<string> PublicSettersOnAggregates(IEnumerable<Type> types) =>
        from type in types
        where IsInAggregateFolder(type)
        from property in type.GetProperties(PublicMembers)
        let setter = property.SetMethod
        where setter is { IsPublic: true } && !IsInitOnly(setter)
        select $"{type.FullName}.{property.Name} has a public setter";

    public static IEnumerable<string> BclTimeTypesInSignatures(IEnumerable<Type> types) =>
        from type in types
        from signature in PublicSignatures(type)
        where MentionsForbiddenTimeType(signature.Type)
        select $"{type.FullName}.{signature.Member} uses {signature.Type} (use NodaTime types)";

    public static IEnumerable<string> ReferencesOtherThan(Assembly assembly, params string[] allowed) =>
        from reference in assembly.GetReferencedAssemblies()
        let name = reference.Name ?? string.Empty
        where !IsBcl(name) && !allowed.Contains(name, StringComparer.Ordinal)
        select $"{assembly.GetName().Name} references {name}";

    public static IEnumerable<Type> PublicTypes(Assembly assembly) => assembly.GetExportedTypes();

    private static bool IsDelegate(Type type) => typeof(Delegate).IsAssignableFrom(type);

    private static bool IsInAggregateFolder(Type type) =>
        type.Namespace is { } ns && ns.Split('.').Any(AggregateFolders.Contains);

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool IsBcl(string name) =>
        name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal) ||
        name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal);

    private static bool MentionsForbiddenTimeType(Type type)
    {
        if (type.IsByRef || type.IsArray || type.IsPointer)
        {
            return MentionsForbiddenTimeType(type.GetElementType()!);
        }

        if (Array.IndexOf(ForbiddenTimeTypes, type) >= 0)
        {
            return true;
        }

        return type.IsGenericType && type.GetGenericArguments().Any(MentionsForbiddenTimeType);
    }

    private static IEnumerable<(string Member, Type Type)> PublicSignatures(Type type)
    {
        if (IsDelegate(type))
        {
            var invoke = type.GetMethod("Invoke")!;
            yield return ("Invoke", invoke.ReturnType);
            foreach (var parameter in invoke.GetParameters())
            {
                yield return ($"Invoke({parameter.Name})", parameter.ParameterType);
            }

            yield break;
        }

        foreach (var member in type.GetMembers(PublicMembers))
        {
            switch (member)
            {
                case FieldInfo field:
                    yield return (field.Name, field.FieldType);
                    break;
                case PropertyInfo property:
                    yield return (property.Name, property.PropertyType);
                    break;
                case EventInfo @event when @event.EventHandlerType is { } handler:
                    yield return (@event.Name, handler);
                    break;
                case MethodBase method:
                    if (method is MethodInfo info)
                    {
                        yield return (method.Name, info.ReturnType);
                    }

                    foreach (var parameter in method.GetParameters())
                    {
                        yield return ($"{method.Name}({parameter.Name})", parameter.ParameterType);
                    }

                    break;
            }
        }
    }
}
