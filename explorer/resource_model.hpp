// ALMs, registers, DSP blocks, M10K blocks and MLABs of a design point: a sum
// over the components the RTL instantiates of (units of the component) x
// (coefficient per unit and metric, from the calibration file). The units are
// structural counts (lanes, products, ROM LUTs, divider stages, ...); the
// coefficients say what one unit costs. explorer/README.md documents each term.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "arch/design_point.hpp"
#include "calibration.hpp"

namespace mgpt::explorer {

enum class Metric { alms, registers, dsp, m10k, mlabs };
constexpr int kMetricCount = 5;
constexpr std::array<const char*, kMetricCount> kMetricNames = {"alms", "registers", "dsp", "m10k", "mlabs"};
const char* metric_name(Metric m);
Metric parse_metric(const std::string& s);  // throws std::invalid_argument naming the legal set

struct ResourceComponent {
    const char* name;
    // The RTL module whose synthesis figures measure it (yosys per-module
    // statistics); "total" measurements cover every component.
    const char* group;
    const char* unit;  // what one unit is
    std::vector<Metric> metrics;  // the coefficients it must have
};
const std::vector<ResourceComponent>& resource_components();
// The units of every component for `d`, in resource_components() order.
std::vector<double> component_units(const arch::DesignPoint& d);

struct Resources {
    long alms = 0, registers = 0, dsp = 0, m10k = 0, mlabs = 0;
    long get(Metric m) const;
};

// The component coefficients are fitted to yosys figures of this project's RTL
// (`calibrate`), so their sums are yosys-equivalent: yosys' ALM estimate
// (packed LUTs), its flip-flops, its multiplier cells (one DSP block each),
// its MLABs. yosys maps logic (wide ROM multiplexers above all) less densely
// than Quartus, so the figures a user is shown are corrected to Quartus by
// two factors, `quartus_correction,alms` and `quartus_correction,registers`,
// fitted to the reference's published Quartus fits (reference_fits.hpp).
enum class Scale { yosys, quartus };
constexpr const char* kQuartusCorrection = "quartus_correction";

// A calibration's resource coefficients as a table by term and metric: the
// explorer estimates millions of points, and a lookup by name in the
// calibration's rows cost more than the whole estimate.
class ResourceCoefficients {
public:
    explicit ResourceCoefficients(const Calibration& c);
    double get(size_t term, int metric) const { return per_term_[term][static_cast<size_t>(metric)]; }
    double quartus_alms() const { return quartus_alms_; }
    double quartus_registers() const { return quartus_registers_; }

private:
    std::vector<std::array<double, kMetricCount>> per_term_;
    double quartus_alms_ = 1, quartus_registers_ = 1;
};

// The mlabs metric's coefficients count yosys' MISTRAL_MLAB cells (32 x 1
// bit). Every memory of the RTL is 16 or 32 bits wide and at most 32 deep,
// so an MLAB (32 x 20 bits) holds 16 of its cells: a design's MLABs are its
// cells / 16.
constexpr double kMlabCellsPerBlock = 16;

// Rounded totals: ALMs and registers to the nearest unit, DSP blocks and
// MLABs up (a fraction of a block is a block), M10K blocks are exact counts.
Resources estimate_resources(const arch::DesignPoint& d, const ResourceCoefficients& c, Scale scale = Scale::quartus);
Resources estimate_resources(const arch::DesignPoint& d, const Calibration& c, Scale scale = Scale::quartus);
// Unrounded yosys-equivalent sum of one metric over the components of
// `group` ("total" = all): what a yosys measurement of that group is fitted to.
double estimate_group(const arch::DesignPoint& d, const Calibration& c, Metric m, const std::string& group);

// The resource model's part of the calibration schema.
void add_resource_schema(CoefficientSchema& schema);

// Helpers shared with the Fmax model: 6-input LUTs (and levels of them) of an
// n:1 multiplexer and of a `depth`-entry constant ROM, per output bit.
int mux_luts(int n);
int mux_levels(int n);
int rom_luts(int depth);
int rom_levels(int depth);
// ALMs of an n:1 multiplexer per output bit, as yosys' ALM estimate packs it
// (rtl/synth/README.md: an ALUT6 fills an ALM, two smaller LUTs share one).
double mux_alms(int n);

}  // namespace mgpt::explorer
