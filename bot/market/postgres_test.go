package market_test

import "testing"

// The market's pipeline on PostgreSQL: the same tests and benchmarks, each
// on a fresh schema (openBench reads "Postgres" in the name).

func TestOnPostgres(t *testing.T) {
	t.Run("RunProcessesRedeliveriesOnce", TestRunProcessesRedeliveriesOnce)
	t.Run("AcceptBeforeRunIsProcessed", TestAcceptBeforeRunIsProcessed)
}

// BenchmarkRawPostgresCommit is PostgreSQL's limit on this machine: one
// durable single-row write transaction on the market's writer connection,
// one after another.
func BenchmarkRawPostgresCommit(b *testing.B) { BenchmarkRawSQLiteCommit(b) }

func BenchmarkInboundPipelinePostgres(b *testing.B) { BenchmarkInboundPipeline(b) }

func BenchmarkInboundPipelineParallelPostgres(b *testing.B) { BenchmarkInboundPipelineParallel(b) }
