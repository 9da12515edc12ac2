using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LossGuard.Analyzers.Tests.Infrastructure;

/// <summary>
/// A finding of one rule at a markup location, whatever its message and additional locations (the rule tests check
/// those; flow and fix tests check that a value reaches a loss, or what the fix does).
/// </summary>
internal static class Finding
{
    public static DiagnosticResult At(DiagnosticDescriptor descriptor, int location = 0) =>
        new DiagnosticResult(descriptor.Id, descriptor.DefaultSeverity).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
}
