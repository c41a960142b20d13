#pragma once
// Eigenvalues and eigenvectors (the book's chapter 6): an eigenvector is a direction that a map
// only stretches, A·v = λ·v. In the plane, det(A − λI) = λ² − (tr A)·λ + det A, so the two
// eigenvalues are the roots of a quadratic: two real ones, one repeated, or a complex pair (the
// map turns every direction: a rotation with no real direction left in place).
// Power iteration finds the dominant eigenvector the way PageRank and PCA solvers do: apply A
// again and again, rescaling, and the longest-stretched direction wins.
#include <Eigen/Dense>
#include <vector>

namespace mml {

using Vec2 = Eigen::Vector2d;
using Mat2 = Eigen::Matrix2d;

// det(A − λI) = λ² − trace·λ + det; discriminant = trace² − 4·det (its sign tells the roots).
struct CharacteristicPolynomial {
  double trace = 0;
  double det = 0;
  double discriminant = 0;
};
CharacteristicPolynomial characteristic_polynomial(const Mat2& a);

enum class EigenKind {
  Distinct,  // two real eigenvalues, two eigen-directions
  Repeated,  // one real eigenvalue twice: every direction (A = λI) or only one (a shear)
  Complex,   // λ = re ± i·im: no real direction is kept
};

struct Eigen2 {
  EigenKind kind = EigenKind::Distinct;
  // Real eigenvalues, lambda1 ≥ lambda2 (Distinct, Repeated: equal). Complex: both hold the real
  // part and `imag` (> 0) the imaginary part of λ = lambda1 ± i·imag.
  double lambda1 = 0;
  double lambda2 = 0;
  double imag = 0;
  // Unit eigen-directions for lambda1 and lambda2 (first non-zero coordinate positive). Repeated:
  // v1 = v2 = the one direction, or e₁ and e₂ when every direction is an eigenvector.
  Vec2 v1 = Vec2::UnitX();
  Vec2 v2 = Vec2::UnitY();
  bool every_direction = false;  // A = λI
  // How many real eigen-directions the figure draws: 0 (complex), 1 (a shear), 2.
  int real_directions() const;
};

// `tolerance` is relative to the matrix's scale: a discriminant within it counts as zero.
Eigen2 eigen_2x2(const Mat2& a, double tolerance = 1e-9);

// sin of the angle from x to A·x: 0 exactly where A·x is parallel to x (an eigen-direction, or
// A·x = 0); its sign says which way A turns x. 0 for x = 0.
double turn_sine(const Mat2& a, const Vec2& x);

// The symmetric matrix with eigenvalues l1 and l2 along the directions at `angle` (radians from
// e₁) and angle + 90°: R·diag(l1, l2)·Rᵀ.
Mat2 symmetric_with_eigenvalues(double l1, double l2, double angle);
// In space: eigenvalues l1, l2, l3 along the columns of R = Rz(yaw)·Ry(pitch).
Eigen::Matrix3d symmetric_with_eigenvalues(double l1, double l2, double l3, double yaw, double pitch);

// One step of power iteration and what it shows: x ← A·x / ‖A·x‖.
struct PowerStep {
  Eigen::VectorXd x;      // unit vector after the step
  double rayleigh = 0;    // xᵀ·A·x / xᵀ·x of the vector before the step: the eigenvalue estimate
  double stretch = 0;     // ‖A·x‖ for the unit x before the step
};
// `steps` steps from x0 (rescaled to unit length); element k is the step from x_k. Stops early if
// A·x = 0 (x in the null space: no direction to follow). Empty if x0 = 0.
std::vector<PowerStep> power_iteration(const Eigen::MatrixXd& a, const Eigen::VectorXd& x0, int steps);

// A = P·D·P⁻¹ for a real, diagonalizable 2×2 matrix: P's columns the eigen-directions, D the
// eigenvalues. `possible` is false for complex eigenvalues and for a shear (one direction only).
// For a symmetric A, P is a rotation or reflection (Pᵀ = P⁻¹): the spectral theorem.
struct Diagonalization {
  bool possible = false;
  Mat2 p = Mat2::Identity();
  Mat2 d = Mat2::Identity();
  Mat2 p_inverse = Mat2::Identity();
  bool orthogonal = false;
};
Diagonalization diagonalize(const Mat2& a, double tolerance = 1e-9);

}  // namespace mml
