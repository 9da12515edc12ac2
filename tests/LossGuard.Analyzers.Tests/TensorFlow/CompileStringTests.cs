using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.TensorFlow;

/// <summary>
/// LG0009: what compile(string optimizer, string loss, string[] metrics) really does — the loss name is a
/// case-sensitive switch on "mse" / "mae" with mean squared error for the rest, the optimizer name is ignored (RMSprop).
/// </summary>
public sealed class CompileStringTests
{
    private const string Usings = """
        using Tensorflow.Keras.Engine;
        using static Tensorflow.KerasApi;

        """;

    [Theory]
    [InlineData("adam", "mse", "the optimizer name \"adam\"", "RMSprop with default settings")]
    [InlineData("sgd", "mae", "the optimizer name \"sgd\"", "RMSprop with default settings")]
    [InlineData("rmsprop", "MAE", "the loss name \"MAE\"", "mean squared error")]
    [InlineData("rmsprop", "mean_absolute_error", "the loss name \"mean_absolute_error\"", "mean squared error")]
    public Task A_name_that_does_not_get_what_it_asks_for_is_LG0009_optimizers_ignored_and_loss_names_case_sensitive(
        string optimizer, string loss, string named, string instead)
    {
        var source = Usings + $$"""
            static class Build
            {
                static void Run(IModel model) =>
                    {|#0:model.compile("{{optimizer}}", "{{loss}}", new[] { "accuracy" })|};
            }
            """;
        return Verify.AnalyzerAsync(source, Verify.Diagnostic(Descriptors.UnrecognisedKerasLossName).WithLocation(0).WithArguments(named, instead));
    }

    [Fact]
    public Task An_ignored_optimizer_and_an_unrecognised_loss_are_one_finding_naming_both()
    {
        const string source = Usings + """
            static class Build
            {
                static void Run()
                {
                    var model = keras.Sequential(keras.layers.Dense(10));
                    {|#0:model.compile(loss: "categorical_crossentropy", optimizer: "adam", metrics: new[] { "accuracy" })|};
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.UnrecognisedKerasLossName).WithLocation(0)
                .WithArguments("the optimizer name \"adam\" and the loss name \"categorical_crossentropy\"", "RMSprop with default settings and mean squared error"));
    }

    [Fact]
    public Task Names_whose_fallback_is_what_they_ask_for_are_silent()
    {
        const string source = Usings + """
            static class Build
            {
                const string Optimizer = "RMSprop";

                static void Run(IModel model)
                {
                    model.compile("rmsprop", "mean_squared_error", new[] { "mae" });
                    model.compile(Optimizer, "MSE", new string[0]);
                    model.compile("rmsprop", "mae", new string[0]);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Names_not_known_at_compile_time_are_silent()
    {
        const string source = Usings + """
            static class Build
            {
                static void Run(IModel model, string optimizer, string loss) =>
                    model.compile(optimizer, loss, new[] { "accuracy" });
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
