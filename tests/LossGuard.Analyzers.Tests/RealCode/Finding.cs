using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// The real-code shape tests prove that a value reaches a loss: a finding of one rule at markup <c>#0</c>, whatever
/// its message and additional locations (the rule tests check those).
/// </summary>
internal static class Finding
{
    public static DiagnosticResult At(DiagnosticDescriptor descriptor, int location = 0) =>
        new DiagnosticResult(descriptor.Id, descriptor.DefaultSeverity).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
}
