using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LossGuard.Analyzers.Tests.Robustness;

/// <summary>
/// Deterministic TorchSharp projects shaped like real ones (written after reading public TorchSharp projects' shapes,
/// no code taken from them): a model zoo of field-initialised <c>Sequential</c> blocks chained through <c>forward</c>,
/// a reinforcement-learning agent hierarchy, and a model library of many modules with private tensor helpers.
/// Inputs for the cost benchmark and the shape tests. A line that should carry a finding ends with a comment naming
/// its rule (<c>// expect LG0001</c>); no other line should carry one.
/// </summary>
public static class ProjectShapeGenerator
{
    /// <summary>The comment that marks a line where a finding is expected; the rule id follows it.</summary>
    public const string ExpectMarker = "// expect ";

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        using F = TorchSharp.torch.nn.functional;
        """;

    /// <summary>
    /// <paramref name="count"/> files of a model zoo: each holds a network whose 8 to 48 convolution blocks (75 in one
    /// file of 25, as in a YOLOv3 port) are <c>Sequential</c> fields built in their initialisers and chained, with
    /// residual sums, through <c>forward</c>; every fifth file adds a training loop and a detection loss.
    /// </summary>
    public static IReadOnlyList<string> ModelZooFiles(int count, int seed) =>
        TrainingCodeGenerator.Generate(count, seed, ZooFile);

    /// <summary>
    /// <paramref name="count"/> files of reinforcement-learning agents, in groups of six: networks and an abstract agent
    /// whose protected network properties its constructor sets, tensor helpers (log-probabilities, returns, entropy),
    /// four derived agents (REINFORCE, PPO, actor-critic, DQN) whose losses pass tensors through two or three calls,
    /// and a replay buffer.
    /// </summary>
    public static IReadOnlyList<string> RlAgentFiles(int count, int seed) =>
        TrainingCodeGenerator.Generate(count, seed, AgentFile);

    /// <summary>
    /// <paramref name="count"/> files of a model library: each holds two to four modules (attention, feed-forward,
    /// convolution and encoder blocks) whose fields are built in constructors and whose <c>forward</c> calls private
    /// static tensor helpers; one file in ten holds a loss, one in thirty a training loop.
    /// </summary>
    public static IReadOnlyList<string> ModelLibraryFiles(int count, int seed) =>
        TrainingCodeGenerator.Generate(count, seed, LibraryFile);

    private static string ZooFile(int index, Random random)
    {
        // One file in 25 is a detector: 75 blocks, and a constructor that runs forward once on a probe input so that
        // forward records its feature maps' sizes in a field.
        var detector = index % 25 == 12;
        var blocks = detector ? 75 : 8 + random.Next(41);
        var classes = 2 + random.Next(80);
        var softmaxHead = index % 15 == 4;
        var text = new StringBuilder(Usings).AppendLine();
        text.AppendLine(TrainingCodeGenerator.Invariant($"namespace Generated.Zoo{index};"));
        text.AppendLine(TrainingCodeGenerator.Invariant($"internal sealed class ZooNet{index} : Module<Tensor, Tensor>"));
        text.AppendLine("{");
        var channels = new long[blocks + 1];
        channels[0] = 3;
        for (var block = 1; block <= blocks; block++)
        {
            // Residual sums need equal widths: a block after a sum keeps the width, others double or halve it.
            var widen = block % 3 == 1 && channels[block - 1] < 512;
            channels[block] = block % 3 == 0 ? channels[block - 2] : widen ? Math.Max(32, channels[block - 1] * 2) : channels[block - 1];
            var kernel = block % 2 == 0 ? 1 : 3;
            var stride = widen && block > 1 ? 2 : 1;
            text.AppendLine(TrainingCodeGenerator.Invariant($$"""
                    private readonly Module<Tensor, Tensor> block{{block}} = nn.Sequential(
                        ("conv{{block}}", nn.Conv2d({{channels[block - 1]}}, {{channels[block]}}, {{kernel}}, {{stride}}, {{kernel / 2}})),
                        ("norm{{block}}", nn.BatchNorm2d({{channels[block]}})),
                        ("act{{block}}", nn.LeakyReLU(0.1, true)));
                """));
        }

        var head = softmaxHead ? TrainingCodeGenerator.Invariant($", (\"probabilities\", nn.Softmax(1))") : string.Empty;
        text.AppendLine(TrainingCodeGenerator.Invariant($$"""
                private readonly Module<Tensor, Tensor> head = nn.Sequential(("pool", nn.AdaptiveAvgPool2d(1)), ("flatten", nn.Flatten()), ("classifier", nn.Linear({{channels[blocks]}}, {{classes}})){{head}});

            """));
        text.AppendLine(detector
            ? TrainingCodeGenerator.Invariant($$"""
                    private bool probing = true;
                    private long[] grids = Array.Empty<long>();

                    public ZooNet{{index}}(int imageSize = 416) : base("zoo{{index}}")
                    {
                        RegisterComponents();
                        using var probe = torch.zeros(1, 3, imageSize, imageSize);
                        forward(probe);
                        probing = false;
                    }

                    public IReadOnlyList<long> Grids => grids;
                """)
            : TrainingCodeGenerator.Invariant($"    public ZooNet{index}() : base(\"zoo{index}\") => RegisterComponents();"));
        text.AppendLine("""

                public override Tensor forward(Tensor input)
                {
                    var b0 = input;
            """);
        for (var block = 1; block <= blocks; block++)
        {
            text.AppendLine(block % 3 == 0
                ? TrainingCodeGenerator.Invariant($"        var b{block} = b{block - 2} + block{block}.forward(b{block - 1});")
                : TrainingCodeGenerator.Invariant($"        var b{block} = block{block}.forward(b{block - 1});"));
        }

        if (detector)
        {
            text.AppendLine(TrainingCodeGenerator.Invariant($"        if (probing) {{ grids = new[] {{ b{blocks / 3}.shape[2], b{2 * blocks / 3}.shape[2], b{blocks}.shape[2] }}; }}"));
        }

        text.AppendLine(TrainingCodeGenerator.Invariant($"        return head.forward(b{blocks});"));
        text.AppendLine("    }");
        text.AppendLine("}");
        if (index % 5 == 4 || detector)
        {
            text.AppendLine(ZooTraining(index, classes, softmaxHead));
        }

        return text.ToString();
    }

    // A softmax head makes the cross-entropy's input probabilities (LG0001), and the objectness slice of that output
    // given to the with-logits loss too (LG0001), unless the slice goes through a sigmoid first (LG0002).
    private static string ZooTraining(int index, int classes, bool softmaxHead) => TrainingCodeGenerator.Invariant($$"""
        internal static class ZooTraining{{index}}
        {
            private static readonly Loss<Tensor, Tensor, Tensor> boxLoss = nn.MSELoss();
            private static readonly Loss<Tensor, Tensor, Tensor> objectLoss = nn.BCEWithLogitsLoss();

            public static float Train(IReadOnlyList<(Tensor Images, Tensor Labels, Tensor Boxes)> batches, int epochs)
            {
                var model = new ZooNet{{index}}();
                var criterion = nn.CrossEntropyLoss();
                var optimizer = torch.optim.Adam(model.parameters(), 1e-3);
                var scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 10, 0.5);
                var last = 0f;
                model.train();
                for (var epoch = 0; epoch < epochs; epoch++)
                {
                    foreach (var (images, labels, boxes) in batches)
                    {
                        using var scope = torch.NewDisposeScope();
                        optimizer.zero_grad();
                        var output = model.forward(images);
                        var loss = criterion.forward(output, labels);{{(softmaxHead ? " " + ExpectMarker + "LG0001" : string.Empty)}}
                        loss = loss + DetectionLoss(output, boxes);
                        loss.backward();
                        optimizer.step();
                        last = loss.ToSingle();
                    }

                    scheduler.step();
                    if (epoch % 10 == 0) { Console.WriteLine($"epoch {epoch}: loss {last}"); }
                }

                return last;
            }

            private static Tensor DetectionLoss(Tensor prediction, Tensor target)
            {
                var objectness = prediction[TensorIndex.Ellipsis, TensorIndex.Slice(0, 1)];
                var boxes = torch.sigmoid(prediction[TensorIndex.Ellipsis, TensorIndex.Slice(1, 3)]);
                var scale = torch.log(target[TensorIndex.Ellipsis, TensorIndex.Slice(3, 5)] + 1e-16);
                var obj = objectLoss.forward({{(index % 10 == 9 ? "torch.sigmoid(objectness)" : "objectness")}}, target[TensorIndex.Ellipsis, TensorIndex.Slice(0, 1)]);{{(index % 10 == 9 ? " " + ExpectMarker + "LG0002" : softmaxHead ? " " + ExpectMarker + "LG0001" : string.Empty)}}
                return boxLoss.forward(boxes, target[TensorIndex.Ellipsis, TensorIndex.Slice(1, 3)]) + obj + scale.mean() * {{classes % 7}};
            }
        }
        """);

    private static string AgentFile(int index, Random random)
    {
        var group = index / 6;
        var text = new StringBuilder(Usings).AppendLine();
        text.AppendLine(TrainingCodeGenerator.Invariant($"namespace Generated.Agents{group};"));
        var observations = 4 + random.Next(60);
        var actions = 2 + random.Next(16);
        var hidden = 32 * (1 + random.Next(8));
        text.AppendLine((index % 6) switch
        {
            0 => AgentBase(group, observations, actions, hidden),
            1 => Reinforce(group),
            2 => Ppo(group, random.Next(3) + 2),
            3 => ActorCritic(group),
            4 => Dqn(group, observations, actions, hidden),
            _ => ReplayBuffer(group, random.Next(1000) + 1000),
        });
        return text.ToString();
    }

    // The policy ends in a softmax in even groups; odd groups' policies return logits.
    private static bool SoftmaxPolicy(int group) => group % 2 == 0;

    private static string AgentBase(int group, int observations, int actions, int hidden) => TrainingCodeGenerator.Invariant($$"""
        internal sealed class PolicyNet{{group}} : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> layers;

            public PolicyNet{{group}}(long observations, long hidden, long actions) : base("policy{{group}}")
            {
                layers = nn.Sequential(("fc1", nn.Linear(observations, hidden)), ("relu1", nn.ReLU()), ("fc2", nn.Linear(hidden, hidden)), ("relu2", nn.Tanh()), ("out", nn.Linear(hidden, actions)){{(SoftmaxPolicy(group) ? ", (\"probabilities\", nn.Softmax(-1))" : string.Empty)}});
                RegisterComponents();
            }

            public override Tensor forward(Tensor state) => layers.forward(state.to_type(ScalarType.Float32));
        }

        internal sealed class ValueNet{{group}} : Module<Tensor, Tensor>
        {
            private readonly TorchSharp.Modules.Linear input;
            private readonly TorchSharp.Modules.Linear output;

            public ValueNet{{group}}(long observations, long hidden) : base("value{{group}}")
            {
                input = nn.Linear(observations, hidden);
                output = nn.Linear(hidden, 1);
                RegisterComponents();
            }

            public override Tensor forward(Tensor state) => output.forward(F.relu(input.forward(state)));
        }

        internal abstract class Agent{{group}}
        {
            protected Agent{{group}}(string name, long observations = {{observations}}, long actions = {{actions}})
            {
                Name = name;
                Observations = observations;
                Actions = actions;
                Policy = new PolicyNet{{group}}(observations, {{hidden}}, actions);
                Critic = new ValueNet{{group}}(observations, {{hidden}});
                Optimizer = torch.optim.Adam(Policy.parameters().Concat(Critic.parameters()), LearningRate);
            }

            public string Name { get; }

            public long Observations { get; }

            public long Actions { get; }

            public virtual double LearningRate => 3e-4;

            protected Module<Tensor, Tensor> Policy { get; set; }

            protected Module<Tensor, Tensor> Critic { get; set; }

            protected torch.optim.Optimizer Optimizer { get; set; }

            public abstract float Learn(Tensor states, Tensor actions, Tensor rewards, Tensor dones);

            public virtual Tensor Act(Tensor state)
            {
                using var noGrad = torch.no_grad();
                var output = Policy.forward(state.unsqueeze(0)).squeeze(0);
                return torch.multinomial({{(SoftmaxPolicy(group) ? "output" : "F.softmax(output, -1)")}}, 1, true);
            }

            protected float Step(Tensor loss)
            {
                Optimizer.zero_grad();
                loss.backward();
                Optimizer.step();
                return loss.detach().ToSingle();
            }
        }

        internal static class Returns{{group}}
        {
            public static Tensor Discounted(Tensor rewards, Tensor dones, float gamma)
            {
                var values = new float[rewards.shape[0]];
                var running = 0f;
                for (var t = values.Length - 1; t >= 0; t--)
                {
                    running = rewards[t].ToSingle() + (gamma * running * (1 - dones[t].ToSingle()));
                    values[t] = running;
                }

                var result = torch.tensor(values);
                return (result - result.mean()) / (result.std() + 1e-8f);
            }

            public static Tensor LogProbabilities(Tensor policyOutput, Tensor actions) =>
                {{(SoftmaxPolicy(group) ? "torch.log(policyOutput).gather(1, actions); " + ExpectMarker + "LG0003" : "F.log_softmax(policyOutput, 1).gather(1, actions);")}}

            public static Tensor Entropy(Tensor policyOutput)
            {
                var probabilities = {{(SoftmaxPolicy(group) ? "policyOutput" : "F.softmax(policyOutput, 1)")}};
                return -(probabilities * {{(SoftmaxPolicy(group) ? "probabilities.clamp_min(1e-8).log()).sum(1).mean(); " + ExpectMarker + "LG0003" : "F.log_softmax(policyOutput, 1)).sum(1).mean();")}}
            }
        }
        """);

    private static string Reinforce(int group) => TrainingCodeGenerator.Invariant($$"""
        internal sealed class Reinforce{{group}} : Agent{{group}}
        {
            public Reinforce{{group}}() : base("reinforce{{group}}") { }

            public float Gamma { get; init; } = 0.99f;

            public override float Learn(Tensor states, Tensor actions, Tensor rewards, Tensor dones)
            {
                var returns = Returns{{group}}.Discounted(rewards, dones, Gamma);
                var logProbabilities = SelectedLogProbabilities(states, actions);
                return Step(-(logProbabilities.squeeze(1) * returns).mean());
            }

            private Tensor SelectedLogProbabilities(Tensor states, Tensor actions) =>
                Returns{{group}}.LogProbabilities(Policy.forward(states), actions.unsqueeze(1));
        }
        """);

    private static string Ppo(int group, int epochs) => TrainingCodeGenerator.Invariant($$"""
        internal sealed class Ppo{{group}} : Agent{{group}}
        {
            private readonly float clip;

            public Ppo{{group}}(float clip = 0.2f) : base("ppo{{group}}")
            {
                this.clip = clip;
                Policy = new PolicyNet{{group}}(Observations, 64, Actions);
                Optimizer = torch.optim.Adam(Policy.parameters(), LearningRate);
            }

            public override float Learn(Tensor states, Tensor actions, Tensor rewards, Tensor dones)
            {
                var returns = Returns{{group}}.Discounted(rewards, dones, 0.99f);
                using var old = Evaluate(states, actions).LogProbabilities.detach();
                var last = 0f;
                for (var epoch = 0; epoch < {{epochs}}; epoch++)
                {
                    var (logProbabilities, entropy) = Evaluate(states, actions);
                    var advantages = returns - Critic.forward(states).squeeze(1).detach();
                    var ratio = torch.exp(logProbabilities - old).squeeze(1);
                    var clipped = torch.clamp(ratio, 1 - clip, 1 + clip);
                    var objective = torch.minimum(ratio * advantages, clipped * advantages);
                    var valueLoss = F.mse_loss(Critic.forward(states).squeeze(1), returns);
                    last = Step(-objective.mean() + (0.5f * valueLoss) - (0.01f * entropy));
                }

                return last;
            }

            private (Tensor LogProbabilities, Tensor Entropy) Evaluate(Tensor states, Tensor actions)
            {
                var output = Policy.forward(states);
                return (Gather(output, actions), Returns{{group}}.Entropy(output));
            }

            private static Tensor Gather(Tensor output, Tensor actions) => Returns{{group}}.LogProbabilities(output, actions.unsqueeze(1));
        }
        """);

    private static string ActorCritic(int group) => TrainingCodeGenerator.Invariant($$"""
        internal sealed class ActorCritic{{group}} : Agent{{group}}
        {
            public ActorCritic{{group}}() : base("a2c{{group}}") { }

            public override float Learn(Tensor states, Tensor actions, Tensor rewards, Tensor dones)
            {
                var values = Critic.forward(states).squeeze(1);
                var returns = Returns{{group}}.Discounted(rewards, dones, 0.95f);
                var advantages = (returns - values).detach();
                var policyLoss = {{(SoftmaxPolicy(group) ? "F.cross_entropy(Policy.forward(states), actions, reduction: Reduction.None); " + ExpectMarker + "LG0001" : "F.cross_entropy(Policy.forward(states), actions, reduction: Reduction.None);")}}
                return Step((policyLoss * advantages).mean() + F.smooth_l1_loss(values, returns));
            }
        }
        """);

    private static string Dqn(int group, int observations, int actions, int hidden) => TrainingCodeGenerator.Invariant($$"""
        internal sealed class Dqn{{group}} : Agent{{group}}
        {
            private readonly Module<Tensor, Tensor> target;
            private int updates;

            public Dqn{{group}}() : base("dqn{{group}}", {{observations}}, {{actions}})
            {
                Policy = nn.Sequential(("fc1", nn.Linear({{observations}}, {{hidden}})), ("relu", nn.ReLU()), ("q", nn.Linear({{hidden}}, {{actions}})));
                target = nn.Sequential(("fc1", nn.Linear({{observations}}, {{hidden}})), ("relu", nn.ReLU()), ("q", nn.Linear({{hidden}}, {{actions}})));
                Optimizer = torch.optim.Adam(Policy.parameters(), LearningRate);
            }

            public override Tensor Act(Tensor state) => Policy.forward(state.unsqueeze(0)).argmax(1);

            public override float Learn(Tensor states, Tensor actions, Tensor rewards, Tensor dones)
            {
                var q = Policy.forward(states).gather(1, actions.unsqueeze(1)).squeeze(1);
                Tensor next;
                using (torch.no_grad())
                {
                    next = target.forward(states).max(1).values;
                }

                var expected = rewards + (0.99f * next * (1 - dones));
                if (++updates % 100 == 0) { target.load_state_dict(Policy.state_dict()); }
                return Step(F.smooth_l1_loss(q, expected));
            }
        }
        """);

    private static string ReplayBuffer(int group, int capacity) => TrainingCodeGenerator.Invariant($$"""
        internal sealed class ReplayBuffer{{group}}
        {
            private readonly List<(float[] State, long Action, float Reward, bool Done)> items = new();
            private readonly Random random = new({{group}});

            public int Count => items.Count;

            public void Add(float[] state, long action, float reward, bool done)
            {
                if (items.Count == {{capacity}}) { items.RemoveAt(0); }
                items.Add((state, action, reward, done));
            }

            public (Tensor States, Tensor Actions, Tensor Rewards, Tensor Dones) Sample(int size)
            {
                var chosen = Enumerable.Range(0, size).Select(_ => items[random.Next(items.Count)]).ToList();
                var states = torch.tensor(chosen.SelectMany(item => item.State).ToArray(), new long[] { size, chosen[0].State.Length });
                var actions = torch.tensor(chosen.Select(item => item.Action).ToArray());
                var rewards = torch.tensor(chosen.Select(item => item.Reward).ToArray());
                var dones = torch.tensor(chosen.Select(item => item.Done ? 1f : 0f).ToArray());
                return (states, actions, rewards, dones);
            }

            public static float Train(Agent{{group}} agent, ReplayBuffer{{group}} buffer, int steps)
            {
                var total = 0f;
                for (var step = 0; step < steps && buffer.Count >= 32; step++)
                {
                    using var scope = torch.NewDisposeScope();
                    var (states, actions, rewards, dones) = buffer.Sample(32);
                    total += agent.Learn(states, actions, rewards, dones);
                }

                return total / Math.Max(1, steps);
            }
        }
        """);

    private static readonly Func<int, int, Random, string>[] LibraryModules =
    {
        Attention,
        FeedForward,
        ConvBlock,
        EncoderLayer,
    };

    private static string LibraryFile(int index, Random random)
    {
        var text = new StringBuilder(Usings).AppendLine();
        text.AppendLine(TrainingCodeGenerator.Invariant($"namespace Generated.Library{index};"));
        var modules = 2 + random.Next(3);
        for (var module = 0; module < modules; module++)
        {
            text.AppendLine(LibraryModules[random.Next(LibraryModules.Length)]((index * 10) + module, 64 * (1 + random.Next(8)), random));
        }

        if (index % 10 == 7)
        {
            text.AppendLine(LibraryLoss(index));
        }

        if (index % 30 == 17)
        {
            text.AppendLine(LibraryTraining(index, 10 + random.Next(90)));
        }

        return text.ToString();
    }

    private static string Attention(int n, int width, Random random) => TrainingCodeGenerator.Invariant($$"""
        public sealed class Attention{{n}} : Module<Tensor, Tensor>
        {
            private readonly TorchSharp.Modules.Linear query;
            private readonly TorchSharp.Modules.Linear key;
            private readonly TorchSharp.Modules.Linear value;
            private readonly TorchSharp.Modules.Linear projection;
            private readonly TorchSharp.Modules.Dropout dropout;
            private readonly long heads;

            public Attention{{n}}(long width = {{width}}, long heads = {{1 << random.Next(4)}}, double dropoutRate = 0.1) : base("attention{{n}}")
            {
                this.heads = heads;
                query = nn.Linear(width, width);
                key = nn.Linear(width, width);
                value = nn.Linear(width, width);
                projection = nn.Linear(width, width);
                dropout = nn.Dropout(dropoutRate);
                RegisterComponents();
            }

            public override Tensor forward(Tensor input)
            {
                var q = SplitHeads(query.forward(input), heads);
                var k = SplitHeads(key.forward(input), heads);
                var v = SplitHeads(value.forward(input), heads);
                var mixed = ScaledDotProduct(q, k, v, CausalMask(input.shape[1], input.device));
                return dropout.forward(projection.forward(MergeHeads(mixed)));
            }

            private static Tensor SplitHeads(Tensor x, long heads) => x.view(x.shape[0], x.shape[1], heads, x.shape[2] / heads).transpose(1, 2);

            private static Tensor MergeHeads(Tensor x) => x.transpose(1, 2).contiguous().view(x.shape[0], x.shape[2], x.shape[1] * x.shape[3]);

            private static Tensor CausalMask(long size, Device device) => torch.triu(torch.ones(size, size, device: device), 1).to_type(ScalarType.Bool);

            private static Tensor ScaledDotProduct(Tensor q, Tensor k, Tensor v, Tensor mask)
            {
                var scores = q.matmul(k.transpose(-2, -1)) / Math.Sqrt(q.shape[3]);
                var weights = F.softmax(scores.masked_fill(mask, float.NegativeInfinity), -1);
                return weights.matmul(v);
            }
        }
        """);

    private static string FeedForward(int n, int width, Random random) => TrainingCodeGenerator.Invariant($$"""
        public sealed class FeedForward{{n}} : Module<Tensor, Tensor>
        {
            private readonly TorchSharp.Modules.Linear up;
            private readonly TorchSharp.Modules.Linear down;
            private readonly TorchSharp.Modules.LayerNorm norm;

            public FeedForward{{n}}(long width = {{width}}, long expansion = {{2 + random.Next(3)}}) : base("feedforward{{n}}")
            {
                up = nn.Linear(width, width * expansion);
                down = nn.Linear(width * expansion, width);
                norm = nn.LayerNorm(width);
                RegisterComponents();
            }

            public override Tensor forward(Tensor input) => input + down.forward(Activation(up.forward(norm.forward(input))));

            private static Tensor Activation(Tensor x) => {{(random.Next(2) == 0 ? "F.gelu(x)" : "x * torch.sigmoid(1.702 * x)")}};
        }
        """);

    private static string ConvBlock(int n, int width, Random random) => TrainingCodeGenerator.Invariant($$"""
        public sealed class ConvBlock{{n}} : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> conv;
            private readonly Module<Tensor, Tensor> shortcut;

            public ConvBlock{{n}}(long input = {{width}}, long output = {{width * 2}}, long stride = {{1 + random.Next(2)}}) : base("conv{{n}}")
            {
                conv = nn.Sequential(
                    ("conv1", nn.Conv2d(input, output, 3, stride, 1)),
                    ("norm1", nn.BatchNorm2d(output)),
                    ("act1", nn.SiLU()),
                    ("conv2", nn.Conv2d(output, output, 3, 1, 1)),
                    ("norm2", nn.BatchNorm2d(output)));
                shortcut = stride == 1 && input == output ? nn.Identity() : nn.Conv2d(input, output, 1, stride, 0);
                RegisterComponents();
            }

            public override Tensor forward(Tensor input) => F.silu(conv.forward(PadToMultiple(input, {{4 << random.Next(3)}})) + shortcut.forward(PadToMultiple(input, {{4 << random.Next(3)}})));

            private static Tensor PadToMultiple(Tensor x, long multiple)
            {
                var height = (multiple - (x.shape[2] % multiple)) % multiple;
                var width = (multiple - (x.shape[3] % multiple)) % multiple;
                return height == 0 && width == 0 ? x : F.pad(x, new long[] { 0, width, 0, height });
            }
        }
        """);

    private static string EncoderLayer(int n, int width, Random random) => TrainingCodeGenerator.Invariant($$"""
        public sealed class EncoderLayer{{n}} : Module<Tensor, Tensor>
        {
            private readonly TorchSharp.Modules.LayerNorm first;
            private readonly TorchSharp.Modules.LayerNorm second;
            private readonly TorchSharp.Modules.ModuleList<Module<Tensor, Tensor>> layers = new();
            private readonly Tensor positions;

            public EncoderLayer{{n}}(long width = {{width}}, int depth = {{1 + random.Next(4)}}) : base("encoder{{n}}")
            {
                first = nn.LayerNorm(width);
                second = nn.LayerNorm(width);
                for (var i = 0; i < depth; i++) { layers.Add(nn.Sequential(("fc", nn.Linear(width, width)), ("act", nn.GELU()))); }
                positions = Sinusoidal(512, width);
                RegisterComponents();
            }

            public override Tensor forward(Tensor input)
            {
                var x = first.forward(input + positions.narrow(0, 0, input.shape[1]).unsqueeze(0));
                foreach (var layer in layers) { x = x + layer.forward(x); }
                return second.forward(x);
            }

            private static Tensor Sinusoidal(long length, long width)
            {
                var position = torch.arange(length, ScalarType.Float32).unsqueeze(1);
                var frequencies = torch.exp(torch.arange(0, width, 2, ScalarType.Float32) * (-Math.Log(10000.0) / width));
                var table = torch.zeros(length, width);
                table[TensorIndex.Colon, TensorIndex.Slice(0, null, 2)] = torch.sin(position * frequencies);
                table[TensorIndex.Colon, TensorIndex.Slice(1, null, 2)] = torch.cos(position * frequencies);
                return table;
            }
        }
        """);

    private static string LibraryLoss(int index) => TrainingCodeGenerator.Invariant($$"""
        public static class Criteria{{index}}
        {
            public static Tensor Distillation(Tensor student, Tensor teacher, double temperature)
            {
                var soft = F.kl_div(F.log_softmax(student / temperature, 1), F.softmax(teacher / temperature, 1), reduction: Reduction.Sum{{(index % 20 == 17 ? "); " + ExpectMarker + "LG0007" : ", log_target: false);")}}
                return soft * (temperature * temperature) / student.shape[0];
            }

            public static Tensor Classification(Tensor logits, Tensor labels, double smoothing) =>
                F.cross_entropy(logits, labels, label_smoothing: smoothing);

            public static Tensor Sequence(Tensor logits, Tensor labels) =>
                F.nll_loss({{(index % 20 == 7 ? "LogProbabilities(logits)" : "F.log_softmax(logits, -1)")}}.flatten(0, 1), labels.flatten());

            private static Tensor LogProbabilities(Tensor logits) => {{(index % 20 == 7 ? "torch.log(F.softmax(logits, -1));" + " " + ExpectMarker + "LG0003" : "F.log_softmax(logits, -1);")}}
        }
        """);

    private static string LibraryTraining(int index, int steps) => TrainingCodeGenerator.Invariant($$"""
        public static class Trainer{{index}}
        {
            public static float Train(Module<Tensor, Tensor> model, Func<int, (Tensor Input, Tensor Labels)> batch, int epochs)
            {
                var optimizer = torch.optim.AdamW(model.parameters(), 1e-4, weight_decay: 0.01);
                var best = float.MaxValue;
                for (var epoch = 0; epoch < epochs; epoch++)
                {
                    model.train();
                    var total = 0f;
                    for (var step = 0; step < {{steps}}; step++)
                    {
                        using var scope = torch.NewDisposeScope();
                        var (input, labels) = batch(step);
                        optimizer.zero_grad();
                        var logits = model.forward(input);
                        var loss = Generated.Library{{index - 10}}.Criteria{{index - 10}}.Sequence(logits, labels);
                        loss.backward();
                        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0);
                        optimizer.step();
                        total += loss.ToSingle();
                    }

                    model.eval();
                    best = Math.Min(best, total / {{steps}});
                    Console.WriteLine($"epoch {epoch}: {total / {{steps}}}");
                }

                return best;
            }
        }
        """);
}
