#include "structural_paths.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include "arch/rtl_parameters.hpp"
#include "common/fnv1a.hpp"
#include "common/source_tree.hpp"
#include "csv_reader.hpp"
#include "fit.hpp"
#include "fmax_model.hpp"
#include "measurements.hpp"
#include "reference_fits.hpp"
#include "text_util.hpp"

namespace fs = std::filesystem;

namespace mgpt::explorer {

namespace {

using Reader5 = io::CSVReader<5, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>, io::throw_on_overflow,
                              io::single_line_comment<'#'>>;

const FamilyTerms* family_terms(const std::string& family) {
    for (const auto& f : measured_families())
        if (f.family == family) return &f;
    return nullptr;
}

std::string family_names() {
    std::string s;
    for (const auto& f : measured_families()) s += (s.empty() ? "" : ", ") + f.family;
    return s;
}

const PathModel* find_model(const std::vector<PathModel>& models, const std::string& family) {
    for (const auto& m : models)
        if (m.family == family) return &m;
    return nullptr;
}

}  // namespace

std::vector<StructuralPath> read_structural_timing(const std::string& path) {
    if (!std::ifstream(path)) throw std::runtime_error(path + ": cannot open structural timing file");
    std::vector<StructuralPath> out;
    DesignCache designs;
    const fs::path dir = fs::absolute(path).parent_path() / "points";
    try {
        Reader5 in(path);
        in.read_header(io::ignore_extra_column, "point", "component", "reg_ns", "any_ns", "status");
        std::string point, component, reg, any, status;
        DuplicateCheck once;
        while (in.read_row(point, component, reg, any, status)) {
            const std::string at = path + ":" + std::to_string(in.get_file_line());
            once.add(point + "," + component, "point " + point + ", component " + component, path, in.get_file_line());
            if (status != "ok" || reg.empty()) continue;
            if (!family_terms(component))
                throw std::runtime_error(at + ": component '" + component +
                                         "' is not a measured Fmax family (legal: " + family_names() + ")");
            StructuralPath r;
            r.point = point;
            r.design = designs.get((dir / (point + ".cfg")).string(), at);
            r.family = component;
            r.ns = std::max(measured_number(reg, at, "reg_ns"), any.empty() ? 0.0 : measured_number(any, at, "any_ns"));
            r.label = at + " (" + point + " " + component + ")";
            out.push_back(r);
        }
    } catch (const io::error::base& e) {
        throw std::runtime_error(path + ": malformed structural timing file: " + e.what() +
                                 " (expected rtl/synth/run_timing.sh's point,component,reg_ns,any_ns,...,status)");
    }
    if (out.empty()) throw std::runtime_error(path + ": no usable structural paths (no row with status ok)");
    return out;
}

double modelled_ns(const StructuralPath& row, const Calibration& c) {
    const auto models = path_models(row.design, c);
    const PathModel* m = find_model(models, row.family);
    if (!m) throw std::runtime_error(row.label + ": the Fmax model has no " + row.family + " path at this design point");
    return structural_ns(*m, c);
}

namespace {

// A measured row as the family's model sees it: the units of each term
// (measured_families() order) and the counted part of the path.
struct RowTerms {
    std::vector<double> units;
    double fixed_ns = 0;
};
RowTerms row_terms(const StructuralPath& r, const FamilyTerms& f, const Calibration& c) {
    const auto models = path_models(r.design, c);
    const PathModel* m = find_model(models, f.family);
    if (!m) throw std::runtime_error(r.label + ": the Fmax model has no " + f.family + " path here");
    RowTerms out{{}, m->fixed_ns};
    for (const auto& name : f.terms) {
        double u = 0;
        for (const auto& t : m->terms)
            if (t.name == name) u = t.units;
        out.units.push_back(u);
    }
    return out;
}

}  // namespace

Calibration fit_path_terms(const Calibration& prior, const std::vector<StructuralPath>& rows,
                           const std::string& source, std::vector<std::string>* notes) {
    Calibration out = prior;
    for (const auto& f : measured_families()) {
        // rows of this family: measured = fixed + sum coef * units; relative error weights
        std::vector<std::vector<double>> A;
        std::vector<double> b;
        for (const auto& r : rows) {
            if (r.family != f.family) continue;
            RowTerms t = row_terms(r, f, prior);
            for (double& u : t.units) u /= r.ns;
            A.push_back(t.units);
            b.push_back((r.ns - t.fixed_ns) / r.ns);
        }
        if (A.empty()) continue;
        // a term whose units are 0 on every row is not measured here: it keeps its prior
        std::vector<size_t> keep;
        for (size_t j = 0; j < f.terms.size(); ++j) {
            bool nonzero = false;
            for (const auto& row : A) nonzero |= row[j] != 0;
            if (nonzero) keep.push_back(j);
        }
        std::vector<std::vector<double>> As;
        for (const auto& row : A) {
            std::vector<double> r;
            for (size_t j : keep) r.push_back(row[j]);
            As.push_back(r);
        }
        const auto x = nonnegative_least_squares(As, b, std::vector<double>(keep.size(), 0.0));
        const std::string comp = path_component(f.family);
        std::string what;
        for (size_t k = 0; k < keep.size(); ++k) {
            out.set(comp, f.terms[keep[k]], x[k], source);
            what += std::string(what.empty() ? "" : ", ") + f.terms[keep[k]] + " " + fixed_decimals(x[k], 3);
        }
        if (notes) {
            double worst = 0;
            for (const auto& r : rows)
                if (r.family == f.family) {
                    const double e = (modelled_ns(r, out) - r.ns) / r.ns;
                    if (std::fabs(e) > std::fabs(worst)) worst = e;
                }
            notes->push_back(f.family + ": " + std::to_string(A.size()) + " paths; " + what +
                             " ns; worst in-sample error " + signed_percent(worst));
        }
    }
    return out;
}

Calibration fit_structural_paths(const Calibration& prior, const std::vector<StructuralPath>& rows,
                                 const std::string& source, std::vector<std::string>* notes) {
    Calibration out = fit_path_terms(prior, rows, source, notes);
    // The mapping factor: the reference's Quartus period of the baseline over the frozen structural anchor;
    // the baseline's path as measured now is reported beside it.
    const MappingAnchor& anchor = mapping_anchor();
    const double factor = anchor.quartus_ns / anchor.structural_ns;
    out.set("mapping_factor", "factor", factor, "Quartus reference fit of the baseline over " + std::string(anchor.what));
    if (notes) {
        const ReferenceBuild& ref = reference_builds()[0];
        double baseline_ns = 0;
        std::string baseline_family = "none";
        for (const auto& r : rows)
            if (arch::rtl_config_id(r.design) == arch::rtl_config_id(ref.design) && r.ns > baseline_ns)
                baseline_ns = r.ns, baseline_family = r.family;
        notes->push_back("mapping_factor = " + fixed_decimals(factor, 4) + ": the baseline's Quartus period " +
                         fixed_decimals(anchor.quartus_ns, 3) + " ns over its structural tile path " +
                         fixed_decimals(anchor.structural_ns, 3) + " ns (" + anchor.what + "); measured now: " +
                         (baseline_ns > 0 ? baseline_family + " " + fixed_decimals(baseline_ns, 3) + " ns"
                                          : std::string("the baseline is not in this set")));
    }
    return out;
}

std::vector<PointPaths> leave_one_out(const std::vector<StructuralPath>& rows, const Calibration& prior) {
    // each row's term units, once: which terms a row uses does not depend on the refit
    std::vector<std::vector<double>> units;
    for (const auto& r : rows) {
        const FamilyTerms* f = family_terms(r.family);
        if (!f) throw std::runtime_error(r.label + ": '" + r.family + "' is not a measured Fmax family");
        units.push_back(row_terms(r, *f, prior).units);
    }
    std::vector<PointPaths> out;
    for (const auto& whole : compare_points(rows, prior)) {
        std::vector<StructuralPath> others, mine;
        for (const auto& r : rows) (r.point == whole.point ? mine : others).push_back(r);
        const Calibration without = fit_path_terms(prior, others, "leave-one-out", nullptr);
        PointPaths p = compare_points(mine, without).front();
        // A term the point's rows use that no other row of its family uses is not learnt without
        // the point (the fit keeps the prior's value, which the point itself determined).
        for (size_t i = 0; i < rows.size(); ++i) {
            if (rows[i].point != whole.point) continue;
            const FamilyTerms& f = *family_terms(rows[i].family);  // checked above
            for (size_t j = 0; j < f.terms.size(); ++j) {
                if (units[i][j] == 0) continue;
                bool learnt = false;
                for (size_t o = 0; o < rows.size() && !learnt; ++o)
                    learnt = rows[o].point != whole.point && rows[o].family == rows[i].family && units[o][j] != 0;
                if (!learnt) p.unlearnt.push_back(rows[i].family + "." + f.terms[j]);
            }
        }
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<PointPaths> compare_points(const std::vector<StructuralPath>& rows, const Calibration& c) {
    const double k = c.get("mapping_factor", "factor");
    std::vector<PointPaths> out;
    std::map<std::string, size_t> at;
    for (const auto& r : rows) {
        auto [it, fresh] = at.emplace(r.point, out.size());
        if (fresh) out.push_back({r.point, "", "", 0, 0});
        PointPaths& p = out[it->second];
        const double model = k * modelled_ns(r, c), measured = k * r.ns;
        if (measured > p.measured_ns) p.measured_ns = measured, p.measured_family = r.family;
        if (model > p.model_ns) p.model_ns = model, p.model_family = r.family;
    }
    return out;
}

namespace {

// The RTL parameters each component's synthesis wrapper passes (rtl/synth/synth_component.sh).
const std::vector<std::string>& family_parameters(const std::string& family) {
    static const std::map<std::string, std::vector<std::string>> p = {
        {"tile", {"LANES", "COLS", "WEIGHT_M10K", "BANKS", "PORTS", "PIPELINE"}},
        {"weight_stream", {"LANES", "COLS", "WEIGHT_M10K", "BANKS", "PORTS", "VLANES"}},
        {"rms_engine", {"NORM_RADIX"}},
        {"divider", {"DIVIDERS", "DIV_RADIX"}},
        {"sampler", {"SAMPLER_PARALLEL", "REF_PROFILE"}},
        // the core holds the slots, their vectors and arbiter: its netlist changes with SLOTS, SCHED_RR, SLOT_MLAB
        {"core", {"LANES", "COLS", "WEIGHT_M10K", "BANKS", "PORTS", "KV_M10K", "VLANES", "DIVIDERS", "ARGMAX_TREE",
                  "REF_PROFILE", "PIPELINE", "SLOTS", "SCHED_RR", "SLOT_MLAB"}}};
    const auto it = p.find(family);
    if (it == p.end()) throw std::logic_error("no RTL parameters listed for component " + family);
    return it->second;
}

std::string component_key(const arch::DesignPoint& d, const std::string& family) {
    const auto params = arch::rtl_parameters(d);
    std::string key = family;
    for (const auto& name : family_parameters(family))
        for (const auto& [n, v] : params)
            if (n == name) key += " " + n + "=" + std::to_string(v);
    return key;
}

}  // namespace

StructuralIndex::StructuralIndex(const std::vector<StructuralPath>& rows) {
    for (const auto& r : rows) {
        double& ns = by_key_[component_key(r.design, r.family)];
        ns = std::max(ns, r.ns);
    }
}

std::optional<double> StructuralIndex::find(const arch::DesignPoint& d, const std::string& family) const {
    const auto it = by_key_.find(component_key(d, family));
    if (it == by_key_.end()) return std::nullopt;
    return it->second;
}

uint64_t StructuralIndex::hash() const {
    std::string text;
    for (const auto& [k, ns] : by_key_) text += k + "=" + fixed_decimals(ns, 3) + "\n";
    return fnv1a64(text);
}

std::vector<std::string> default_structural_timing_paths() {
    return {source_path("rtl/synth/results/structural_timing.csv"),
            source_path("rtl/synth/heldout/results/structural_timing.csv")};
}

StructuralIndex load_structural_index(const std::vector<std::string>& paths) {
    std::vector<StructuralPath> rows;
    for (const auto& p : paths) {
        auto more = read_structural_timing(p);
        rows.insert(rows.end(), more.begin(), more.end());
    }
    return StructuralIndex(rows);
}

}  // namespace mgpt::explorer
