// Each test starts a two-silo cluster of its own; on a small machine they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
