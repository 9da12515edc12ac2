// libtorch's random generator is one per process: a test that seeds it and builds the same layer as its snippet must not
// see another test's layer draw from it in between, so the test classes of this assembly run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
