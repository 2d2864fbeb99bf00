/// \file
/// \ingroup topology
/// Pictures of persistence results as self-contained SVG documents (no plotting library at run
/// time): barcodes, persistence diagrams, curves (Betti numbers, λ_min) and (a, b) heat maps.
/// Each function returns the SVG text; the caller writes it.
#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

#include "topospec/topology/barcode.hpp"

namespace topospec {

/// Texts of a picture: an empty title is left out, empty axis labels get a default.
struct PlotLabels {
  std::string title;    ///< heading above the plot
  std::string x_label;  ///< horizontal axis
  std::string y_label;  ///< vertical axis
  std::string value_label;  ///< heat map: the label of the colour bar
};

/// One horizontal segment per bar, grouped by degree (colour per degree, legend); infinite bars
/// run to the right edge with an arrow.
std::string barcode_svg(const Barcode& barcode, const PlotLabels& labels = {});

/// Points (birth, death) per degree, the diagonal, infinite bars on a line at the top.
std::string persistence_diagram_svg(const Barcode& barcode, const PlotLabels& labels = {});

/// One named curve y(x) for curves_svg().
struct Curve {
  std::string name;       ///< legend entry
  std::vector<double> x;  ///< abscissae
  std::vector<double> y;  ///< one value per x
  bool step = true;  ///< piecewise constant (a filtration curve) rather than joined points
};

/// Several curves on shared axes, with a legend.
std::string curves_svg(const std::vector<Curve>& curves, const PlotLabels& labels = {});

/// values(i, j) is the value at (x[j], y[i]); NaN cells are left blank (e.g.\ a > b). A colour
/// bar shows the scale.
std::string heat_map_svg(const std::vector<double>& x, const std::vector<double>& y,
                         const Eigen::MatrixXd& values, const PlotLabels& labels = {});

}  // namespace topospec
