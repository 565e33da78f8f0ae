// microgpt-dse train: trains the float model on names and writes float + Q4.12 weights.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <vector>

#include "cli/data_paths.hpp"
#include "cli/usage.hpp"
#include "commands.hpp"
#include "common/text_format.hpp"
#include "model/dataset.hpp"
#include "model/parse_values.hpp"
#include "model/trainer.hpp"
#include "model/weights.hpp"

namespace po = boost::program_options;

namespace mgpt::app {

namespace {

constexpr int kReportEvery = 500;

// The command line as a shell would take it back, for TRAINING.txt.
std::string command_line(const Args& args) {
    std::string s = "microgpt-dse train";
    for (const auto& a : args) {
        const bool plain = !a.empty() && a.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                             "0123456789-_./=:+,@%") == std::string::npos;
        if (plain) {
            s += " " + a;
            continue;
        }
        std::string q = "'";
        for (char c : a) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
        s += " " + q + "'";
    }
    return s;
}

// Mean of the last `window` step losses, shown beside the noisy per-name loss.
class RunningMean {
  public:
    explicit RunningMean(size_t window) : ring_(window, 0.0) {}
    void add(double x) {
        sum_ += x - ring_[next_];
        ring_[next_] = x;
        next_ = (next_ + 1) % ring_.size();
        if (count_ < ring_.size()) ++count_;
    }
    double mean() const { return count_ ? sum_ / static_cast<double>(count_) : 0.0; }
    size_t count() const { return count_; }

  private:
    std::vector<double> ring_;
    size_t next_ = 0, count_ = 0;
    double sum_ = 0;
};

}  // namespace

int cmd_train(const Args& args) {
    po::options_description desc("train options");
    desc.add_options()("help,h", "show this help")
        ("data", po::value<std::string>(), "names file, one lower-case name per line (default: the shipped data/names.txt)")
        ("steps", po::value<int>()->default_value(20000), "training steps, one name each (>= 1)")
        ("seed", po::value<std::string>()->default_value("42"), "32-bit seed of the split shuffle and the weight init")
        ("out", po::value<std::string>()->default_value("trained_weights"),
         "output directory (created if missing): weights_f32.bin, nine Q4.12 ROM files, TRAINING.txt");
    po::variables_map vm;
    if (!cli::parse_or_help("train", "[--data FILE] [--steps N] [--seed S] [--out DIR]", args, desc, vm)) return 0;

    fmodel::TrainConfig cfg;
    cfg.steps = vm["steps"].as<int>();
    if (cfg.steps <= 0) throw UsageError("--steps " + std::to_string(cfg.steps) + " must be at least 1");
    try {
        cfg.seed = parse_u32(vm["seed"].as<std::string>(), "--seed");
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    const std::string data = vm.count("data") ? vm["data"].as<std::string>() : cli::default_names_file();
    const std::string out = vm["out"].as<std::string>();
    if (out.empty()) throw UsageError("--out needs a directory name");

    const NameSplit split = split_names(load_names(data, &std::cerr), cfg.seed);  // throws naming the file/line
    const auto train_seqs = encode_names(split.train);
    const auto val_seqs = encode_names(split.validation);
    if (train_seqs.empty()) throw std::runtime_error(data + ": no training names after the split");
    std::filesystem::create_directories(out);

    std::cerr << "training on " << train_seqs.size() << " names (" << val_seqs.size() << " held out) from " << data
              << ", " << cfg.steps << " steps, seed " << cfg.seed << "\n";
    RunningMean recent(kReportEvery);
    const auto t0 = std::chrono::steady_clock::now();
    const FWeights w = fmodel::train(train_seqs, cfg, [&](int step, double loss) {
        recent.add(loss);
        if ((step + 1) % kReportEvery == 0 || step + 1 == cfg.steps)
            std::cerr << "step " << step + 1 << "/" << cfg.steps << "  loss " << fixed_decimals(loss, 4)
                      << "  mean of last " << recent.count() << " " << fixed_decimals(recent.mean(), 4) << "\n";
    });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    const double train_loss = fmodel::mean_sequence_loss(w, train_seqs);
    const double val_loss = fmodel::mean_sequence_loss(w, val_seqs);
    save_float_file(w, out + "/" + kFloatFile);
    save_rom_dir(quantize(w), out);

    std::ostringstream rec;
    rec << "# microgpt-dse training record (float model, Karpathy's microgpt.py training loop)\n"
        << "command: " << command_line(args) << "\n"
        << "data: " << data << " (" << split.train.size() + split.validation.size() << " names: "
        << split.train.size() << " train, " << split.validation.size() << " validation = every 10th after the seeded shuffle)\n"
        << "steps: " << cfg.steps << "\n"
        << "seed: " << cfg.seed << "\n"
        << "optimizer: Adam lr " << cfg.lr << " linearly decayed to 0, beta1 " << cfg.beta1 << ", beta2 " << cfg.beta2
        << ", eps " << cfg.eps << "; init N(0, " << cfg.init_std << ")\n"
        << "final train loss (mean of the last " << recent.count() << " steps): " << fixed_decimals(recent.mean(), 4)
        << "\n"
        << "train loss (float, final weights, whole training split): " << fixed_decimals(train_loss, 4) << "\n"
        << "validation loss (float, final weights): "
        << (val_seqs.empty() ? std::string("n/a (fewer than 10 names: the validation split is empty)")
                             : fixed_decimals(val_loss, 4))
        << "\n"
        << "files: " << kFloatFile << " (float32) and the nine Q4.12 ROM files of docs/NUMERICS.md\n";
    write_file_atomically(out + "/TRAINING.txt", rec.str());

    std::cerr << "trained in " << fixed_decimals(seconds, 2) << " s; train loss " << fixed_decimals(train_loss, 4)
              << ", validation loss "
              << (val_seqs.empty() ? std::string("n/a") : fixed_decimals(val_loss, 4)) << "; wrote " << out << "/\n";
    return 0;
}

}  // namespace mgpt::app
