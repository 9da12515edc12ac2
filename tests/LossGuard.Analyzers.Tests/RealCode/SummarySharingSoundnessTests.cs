using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// A helper's summary answers every call site whose arguments differ only in where they were made, unless its result
/// carries one of them: then each finding still names its own call site's softmax, which its fix rewrites.
/// </summary>
public sealed class SummarySharingSoundnessTests
{
    [Fact]
    public Task A_helper_returning_its_argument_names_each_call_site_s_own_softmax()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Steps
            {
                static Tensor Flat(Tensor p) => p.reshape(-1, 10);

                static Tensor Both(Tensor x, Tensor z, Tensor y) =>
                    F.cross_entropy({|#0:Flat({|#1:F.softmax(x, 1)|})|}, y) + F.cross_entropy({|#2:Flat({|#3:F.softmax(z, 1)|})|}, y);
            }
            """;
        return Verify.AnalyzerAsync(source, Lg0001(0, 1), Lg0001(2, 3));
    }

    [Fact]
    public Task A_helper_making_its_own_softmax_names_it_at_every_call_site()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Steps
            {
                static Tensor Probabilities(Tensor z) => {|#1:F.softmax(z.view(-1, 10), 1)|};

                static Tensor First(Tensor x, Tensor y) => F.cross_entropy({|#0:Probabilities(F.relu(x))|}, y);

                static Tensor Second(Tensor x, Tensor y) => F.cross_entropy({|#2:Probabilities(F.relu(x))|}, y);
            }
            """;
        return Verify.AnalyzerAsync(source, Lg0001(0, 1), Lg0001(2, 1));
    }

    private static DiagnosticResult Lg0001(int location, int origin) =>
        new DiagnosticResult(Descriptors.SoftmaxIntoLogitsLoss.Id, Descriptors.SoftmaxIntoLogitsLoss.DefaultSeverity)
            .WithLocation(location).WithLocation(origin);
}
