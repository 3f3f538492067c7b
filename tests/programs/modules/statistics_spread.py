# statistics: variance, pvariance, stdev and pstdev computed exactly (correctly rounded
# square roots), with xbar/mu given, for int, float and Fraction data; covariance,
# correlation, linear_regression and NormalDist.
import statistics as st
from fractions import Fraction as F

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.variance(data), st.variance(data, st.mean(data)), st.pvariance(data), st.stdev(data), st.pstdev(data))
print(st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]), st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
ints = [1, 2, 3, 4, 5, 6, 7, 8]
print(st.variance(ints), st.pvariance(ints), st.variance([1, 3, 5]), st.pvariance([1, 3, 5]), st.stdev(ints), st.pstdev(ints))
print(st.variance([2, 4, 4, 4, 5, 5, 7, 9]), st.pvariance([2, 4, 4, 4, 5, 5, 7, 9]), st.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
print(repr(st.variance([F(1, 6), F(1, 2), F(5, 3)])), repr(st.pvariance([F(1, 4), F(5, 4), F(1, 2)])))
print(st.stdev([F(1, 6), F(1, 2), F(5, 3)]), st.variance([1, 2.5, F(1, 2)]), st.pvariance([True, False, True, True]))
print(st.pvariance([5]), st.pstdev([5]), st.variance([1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3]), st.stdev([0.1] * 5))
print(st.variance(ints, xbar=4), st.pvariance(ints, mu=4.5), st.pstdev(ints, mu=0), st.stdev(range(100)), st.pstdev(range(1, 1001)))
print(st.stdev([10**20, 10**20 + 2]), st.pstdev([1, 2]), st.stdev([0.5, 1.5, 2.5]), st.pvariance(iter([1.0, 2.0, 4.0])))

for f, args in [(st.variance, [[]]), (st.variance, [[1]]), (st.pvariance, [[]]), (st.stdev, [[3]]), (st.pstdev, [[]]),
                (st.variance, [["a", "b"]]), (st.covariance, [[1, 2], [3]]), (st.covariance, [[1], [2]]),
                (st.correlation, [[1, 2, 3], [5, 5, 5]]), (st.correlation, [[1, 2], [1]]),
                (st.linear_regression, [[1, 1], [2, 3]]), (st.linear_regression, [[1], [2]])]:
    try:
        print(f(*args))
    except (st.StatisticsError, TypeError) as e:
        print(f.__name__, type(e).__name__ + ":", e)

x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
z = [9, 8, 7, 6, 5, 4, 3, 2, 1]
print(st.covariance(x, y), st.covariance(x, z), st.correlation(x, x), st.correlation(x, z), st.correlation(x, y))
print(st.linear_regression(x, [3 * v + 2 for v in x]), st.linear_regression([1, 2, 3], [2, 4.5, 6], proportional=True))
lr = st.linear_regression([1.5, 2, 4], [1, 0, 7])
print(lr.slope, lr.intercept, type(lr).__name__)

n = st.NormalDist(100, 15)
print(n, n.mean, n.median, n.mode, n.stdev, n.variance)
print(n.cdf(130), n.pdf(100), n.inv_cdf(0.975), n.zscore(85), [round(q, 6) for q in n.quantiles()])
print(st.NormalDist().inv_cdf(0.01), st.NormalDist().inv_cdf(1e-20), st.NormalDist(2.4, 1.6).overlap(st.NormalDist(3.2, 2.0)))
print(n + 5, n * 2, n - st.NormalDist(0, 20), 10 - n, -n, n / 5, n == st.NormalDist(100.0, 15.0), hash(n) == hash(st.NormalDist(100, 15)))
print(st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
for bad in [lambda: st.NormalDist(0, -1), lambda: st.NormalDist(0, 0).pdf(1), lambda: n.inv_cdf(1.0)]:
    try:
        bad()
    except st.StatisticsError as e:
        print("StatisticsError:", e)
