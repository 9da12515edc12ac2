using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// A helper's summary answers every call site whose arguments differ only in where they were made, unless its result
/// carries one of them, or a join could have kept a call site's earlier origin instead of the result's: each finding
/// still names its own call site's softmax, which its fix rewrites (the joined shapes were found by a review).
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

    [Fact]
    public Task A_joined_result_names_an_earlier_argument_softmax_called_from_another_class()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Early
            {
                static Tensor Second(bool c, Tensor x, Tensor z, Tensor y) => F.cross_entropy({|#2:Helpers.Pick(c, {|#3:F.softmax(x, 1)|}, z)|}, y);
            }

            static class Helpers
            {
                public static Tensor Pick(bool c, Tensor p, Tensor z) => c ? p : {|#1:F.softmax(z, 1)|};
            }

            static class Late
            {
                static Tensor First(bool c, Tensor x, Tensor z, Tensor y) => F.cross_entropy({|#0:Helpers.Pick(c, F.softmax(x, 1), z)|}, y);
            }
            """;
        return Verify.AnalyzerAsync(source, Lg0001(0, 1), Lg0001(2, 3));
    }

    [Fact]
    public Task A_joined_result_names_each_call_site_s_earlier_softmax_whatever_order_the_bodies_run()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Steps
            {
                static Tensor Second(bool c, Tensor x, Tensor z, Tensor y) => F.cross_entropy({|#2:Pick(c, {|#3:F.softmax(x, 1)|}, z)|}, y);

                static Tensor Pick(bool c, Tensor p, Tensor z) => c ? p : {|#1:F.softmax(z, 1)|};

                static Tensor First(bool c, Tensor x, Tensor z, Tensor y) => F.cross_entropy({|#0:Pick(c, F.softmax(x, 1), z)|}, y);

                static Tensor Third(bool c, Tensor x, Tensor z, Tensor y) => F.cross_entropy({|#4:Pick(c, F.softmax(x, 1), z)|}, y);
            }
            """;
        return Verify.AnalyzerAsync(source, Lg0001(0, 1), Lg0001(2, 3), Lg0001(4, 1));
    }

    [Fact]
    public Task A_joined_result_names_an_argument_made_in_an_earlier_helper()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Steps
            {
                static Tensor Early(Tensor x) => {|#3:F.softmax(x, 1)|};

                static Tensor Pick(bool c, Tensor p, Tensor z) => c ? p : {|#1:F.softmax(z, 1)|};

                static Tensor Both(bool c, Tensor x, Tensor z, Tensor y)
                {
                    var late = F.cross_entropy({|#0:Pick(c, F.softmax(x, 1), z)|}, y);
                    var early = F.cross_entropy({|#2:Pick(c, Early(x), z)|}, y);
                    return late + early;
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Lg0001(0, 1), Lg0001(2, 3));
    }

    [Fact]
    public Task A_joined_result_names_a_local_softmax_written_before_the_helper()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Steps
            {
                static Tensor Both(bool c, Tensor x, Tensor z, Tensor y)
                {
                    var late = F.cross_entropy({|#0:Pick(c, Late(x), z)|}, y);
                    var p = {|#3:F.softmax(x, 1)|};
                    var early = F.cross_entropy({|#2:Pick(c, p, z)|}, y);
                    return late + early;
                }

                static Tensor Pick(bool c, Tensor p, Tensor z) => c ? p : {|#1:F.softmax(z, 1)|};

                static Tensor Late(Tensor x) => F.softmax(x, 1);
            }
            """;
        return Verify.AnalyzerAsync(source, Lg0001(0, 1), Lg0001(2, 3));
    }

    [Fact]
    public Task A_joined_result_of_a_virtual_call_names_the_earlier_argument()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            abstract class Head
            {
                public static Tensor Early(Tensor x) => {|#3:F.softmax(x, 1)|};
                public abstract Tensor Pick(bool c, Tensor p, Tensor z);
            }

            sealed class SoftHead : Head
            {
                public override Tensor Pick(bool c, Tensor p, Tensor z) => c ? p : {|#1:F.softmax(z, 1)|};
            }

            static class Steps
            {
                static Tensor Both(Head h, bool c, Tensor x, Tensor z, Tensor y)
                {
                    var late = F.cross_entropy({|#0:h.Pick(c, F.softmax(x, 1), z)|}, y);
                    var early = F.cross_entropy({|#2:h.Pick(c, Head.Early(x), z)|}, y);
                    return late + early;
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Lg0001(0, 1), Lg0001(2, 3));
    }

    [Fact]
    public Task A_joined_sigmoid_result_names_the_earlier_argument()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Steps
            {
                static Tensor Early(Tensor x) => {|#3:F.sigmoid(x)|};

                static Tensor Pick(bool c, Tensor p, Tensor z) => c ? p : {|#1:F.sigmoid(z)|};

                static Tensor Both(bool c, Tensor x, Tensor z, Tensor y)
                {
                    var late = F.binary_cross_entropy_with_logits({|#0:Pick(c, F.sigmoid(x), z)|}, y);
                    var early = F.binary_cross_entropy_with_logits({|#2:Pick(c, Early(x), z)|}, y);
                    return late + early;
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Lg0002(0, 1), Lg0002(2, 3));
    }

    private static DiagnosticResult Lg0001(int location, int origin) => Finding(Descriptors.SoftmaxIntoLogitsLoss, location, origin);

    private static DiagnosticResult Lg0002(int location, int origin) => Finding(Descriptors.SigmoidIntoLogitsLoss, location, origin);

    private static DiagnosticResult Finding(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, int location, int origin) =>
        new DiagnosticResult(descriptor.Id, descriptor.DefaultSeverity).WithLocation(location).WithLocation(origin);
}
