// microgpt-dse evaluate: validation loss of a weight set in float and through
// the Q4.12 golden datapath, so the cost of quantization is a number.
#include <iostream>
#include <sys/stat.h>

#include "cli/data_paths.hpp"
#include "cli/usage.hpp"
#include "commands.hpp"
#include "common/text_format.hpp"
#include "common/text_table.hpp"
#include "model/dataset.hpp"
#include "model/float_model.hpp"
#include "model/parse_values.hpp"
#include "model/quantized_loss.hpp"

namespace po = boost::program_options;

namespace mgpt::app {

int cmd_evaluate(const Args& args) {
    po::options_description desc("evaluate options");
    desc.add_options()("help,h", "show this help")
        ("weights", po::value<std::string>(), "weight directory: ROM files (+ weights_f32.bin for the float loss); default data/weights")
        ("data", po::value<std::string>(), "names file (default: data/names.txt)")
        ("seed", po::value<std::string>()->default_value("42"),
         "seed of the train/validation split: the training seed (the shipped weights: 42)");
    po::variables_map vm;
    if (!cli::parse_or_help("evaluate", "[--weights DIR] [--data FILE] [--seed S]", args, desc, vm)) return 0;
    const std::string dir = vm.count("weights") ? vm["weights"].as<std::string>() : cli::default_weights_dir();
    const std::string data = vm.count("data") ? vm["data"].as<std::string>() : cli::default_names_file();
    uint32_t seed;
    try {
        seed = parse_u32(vm["seed"].as<std::string>(), "--seed");
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    const QWeights q = load_rom_dir(dir);
    const auto val = encode_names(split_names(load_names(data, &std::cerr), seed).validation);
    if (val.empty()) throw std::runtime_error(data + ": the validation split is empty (fewer than 10 names)");

    TextTable t({"datapath", "validation loss (nats/token)", "vs float"});
    const std::string float_path = dir + "/" + kFloatFile;
    struct stat st;
    double f = -1;
    if (::stat(float_path.c_str(), &st) == 0) {
        f = fmodel::mean_sequence_loss(load_float_file(float_path), val);
        t.add({"float (Karpathy's microGPT)", fixed_decimals(f, 4), "-"});
    } else {
        t.add({"float (no " + std::string(kFloatFile) + " in " + dir + ")", "n/a", "-"});
    }
    for (Numerics prof : {Numerics::saturating, Numerics::reference}) {
        const double l = golden::mean_sequence_loss_q12(q, val, prof);
        t.add({std::string("Q4.12 golden, ") + to_string(prof), fixed_decimals(l, 4),
               f < 0 ? "-" : "+" + fixed_decimals(l - f, 4)});
    }
    std::cout << "weights: " << dir << "\nvalidation: " << val.size() << " names of " << data
              << " (every 10th after the split shuffle with seed " << seed << ")\n\n";
    t.print(std::cout);
    return 0;
}

}  // namespace mgpt::app
