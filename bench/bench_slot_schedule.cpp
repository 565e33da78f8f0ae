// Benchmark: the slot scheduler's speed (arch/slot_schedule.hpp) on the
// default sweep's workload (configs/sweeps/de1soc.cfg: 32 names at T = 0.5,
// seed 2) run by its baseline design, its names dealt to S slots (name i to
// slot i mod S) for S = 1..16, under both policies. The names are today's (one
// RNG carried from name to name): the step shapes, not the per-slot token
// semantics, are what a schedule's speed depends on. Prints, per S and policy,
// the schedule (makespan, speed-up over one slot, token latency, the tile's
// utilisation) and the engine's speed on one core: schedules/s (one schedule =
// one design point of the explorer with this workload), points/min on 2 cores
// (twice that, x 60) and stages/s. Asserts nothing.
//
// usage: bench_slot_schedule [--sweep FILE] [--seconds T]   (T: time per measurement, default 0.3)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <systemc>

#include "arch/schedule_summary.hpp"
#include "arch/slot_schedule.hpp"
#include "arch/slot_workload.hpp"
#include "cli/usage.hpp"
#include "common/source_tree.hpp"
#include "explorer/sweep.hpp"
#include "model/golden_step.hpp"
#include "model/weights.hpp"

using namespace mgpt;
using Clock = std::chrono::steady_clock;

namespace {

// The step shapes of each name of the sweep's workload, in workload order.
std::vector<std::vector<arch::StepShape>> workload_names(const explorer::Sweep& sweep) {
    const QWeights w = load_rom_dir(sweep.workload.weights_dir);
    const golden::GenerationConfig gen{sweep.workload.greedy, sweep.workload.temperature, sweep.baseline.numerics};
    uint32_t rng = sweep.workload.seed;
    std::vector<std::vector<arch::StepShape>> names;
    for (int n = 0; n < sweep.workload.names; ++n) {
        const golden::Generation g = golden::generate(w, gen, rng);
        std::vector<arch::StepShape> steps;
        for (size_t s = 0; s < g.steps.size(); ++s) {
            arch::StepShape shape;
            shape.pos = g.steps[s].pos;
            shape.greedy = g.steps[s].greedy;
            shape.rms_early_exit = g.results[s].rms_early_exit;
            steps.push_back(shape);
        }
        names.push_back(std::move(steps));
    }
    return names;
}

int run(int argc, char* argv[]) {
    std::string sweep_path = source_root() + "/configs/sweeps/de1soc.cfg";
    double seconds = 0.3;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--sweep" && i + 1 < argc) sweep_path = argv[++i];
        else if (a == "--seconds" && i + 1 < argc) seconds = std::atof(argv[++i]);
        else throw cli::UsageError("unknown argument '" + a + "' (usage: bench_slot_schedule [--sweep FILE] "
                                   "[--seconds T])");
    }
    if (!(seconds > 0)) throw cli::UsageError("--seconds: a positive time in seconds");
    const explorer::Sweep sweep = explorer::load_sweep(sweep_path);
    const auto names = workload_names(sweep);
    size_t steps = 0;
    for (const auto& n : names) steps += n.size();
    std::printf("slot scheduler benchmark: %s, %zu names, %zu token steps, design %s, one core\n",
                sweep_path.c_str(), names.size(), steps, sweep.baseline.name.c_str());
    std::printf("%3s %-11s %9s %7s %9s %7s %7s %6s %12s %12s %10s\n", "S", "policy", "makespan", "speedup",
                "lat.mean", "p50", "p99", "tile", "schedules/s", "pts/min(2c)", "Mstages/s");

    arch::SlotScheduler engine;
    arch::Schedule out;
    uint64_t one_slot = 0;
    for (size_t S = 1; S <= 16; ++S) {
        arch::SlotShapes shapes(S);
        for (size_t i = 0; i < names.size(); ++i)
            shapes[i % S].insert(shapes[i % S].end(), names[i].begin(), names[i].end());
        const arch::SlotSteps slot_steps = arch::slot_step_cycles(sweep.baseline, shapes);
        uint64_t stages = 0;
        for (const auto& slot : slot_steps)
            for (const arch::StepCycles& c : slot)
                for (uint32_t cycles : c.cycles) stages += cycles != 0;
        for (arch::Policy policy : {arch::Policy::oldest, arch::Policy::round_robin}) {
            engine.run(slot_steps, policy, out);  // warm-up: the buffers reach their size
            if (S == 1 && policy == arch::Policy::oldest) one_slot = out.makespan;
            const arch::ScheduleSummary sum = arch::summarize(out);
            long runs = 0;
            const auto t0 = Clock::now();
            double elapsed = 0;
            do {
                for (int k = 0; k < 64; ++k) engine.run(slot_steps, policy, out);
                runs += 64;
                elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
            } while (elapsed < seconds);
            const double rate = static_cast<double>(runs) / elapsed;
            std::printf("%3zu %-11s %9llu %6.2fx %9.1f %7llu %7llu %5.1f%% %12.0f %12.0f %10.1f\n", S,
                        arch::policy_name(policy), static_cast<unsigned long long>(sum.makespan),
                        static_cast<double>(one_slot) / static_cast<double>(sum.makespan), sum.latency_mean,
                        static_cast<unsigned long long>(sum.latency_p50),
                        static_cast<unsigned long long>(sum.latency_p99),
                        100 * sum.utilisation[static_cast<int>(arch::Unit::tile)], rate, rate * 60 * 2,
                        rate * static_cast<double>(stages) / 1e6);
        }
    }
    return 0;
}

}  // namespace

int sc_main(int argc, char* argv[]) {
    return cli::run_guarded("bench_slot_schedule", [&] { return run(argc, argv); });
}
