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

    [Fact]
    public Task An_optimizer_name_other_than_rmsprop_is_LG0009_even_with_a_recognised_loss()
    {
        const string source = Usings + """
            static class Build
            {
                static void Run(IModel model)
                {
                    {|#0:model.compile("adam", "mse", new[] { "mae" })|};
                    {|#1:model.compile("sgd", "mae", new string[0])|};
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.UnrecognisedKerasLossName).WithLocation(0)
                .WithArguments("the optimizer name \"adam\"", "RMSprop with default settings"),
            Verify.Diagnostic(Descriptors.UnrecognisedKerasLossName).WithLocation(1)
                .WithArguments("the optimizer name \"sgd\"", "RMSprop with default settings"));
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
    public Task Loss_names_are_case_sensitive_so_MAE_and_mean_absolute_error_train_with_mean_squared_error()
    {
        const string source = Usings + """
            static class Build
            {
                static void Run(IModel model)
                {
                    {|#0:model.compile("rmsprop", "MAE", new string[0])|};
                    {|#1:model.compile("rmsprop", "mean_absolute_error", new string[0])|};
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.UnrecognisedKerasLossName).WithLocation(0)
                .WithArguments("the loss name \"MAE\"", "mean squared error"),
            Verify.Diagnostic(Descriptors.UnrecognisedKerasLossName).WithLocation(1)
                .WithArguments("the loss name \"mean_absolute_error\"", "mean squared error"));
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
