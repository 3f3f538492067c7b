# statistics: means and medians computed exactly, returning int, float or Fraction as the
# data's types dictate; mode/multimode, quantiles, and the StatisticsError messages.
import statistics
from statistics import StatisticsError
from fractions import Fraction as F

print(statistics.mean([1, 2, 3, 4]), statistics.mean([1, 2, 3]), statistics.mean([1, 2, 3, 4, 4]))
print(repr(statistics.mean([F(1, 3), F(2, 3)])), repr(statistics.mean([F(3, 7), F(1, 21), F(5, 3), F(1, 3)])))
print(statistics.mean([0.5, 1, F(1, 4)]), statistics.mean([True, False, True]), statistics.mean(range(10)))
print(statistics.mean([1e50, 1, -1e50] * 1000), sum([1e50, 1, -1e50] * 1000) / 3000)
print(statistics.mean([0.1, 0.2, 0.3]), statistics.mean(iter([10, 20])), statistics.mean([F(1, 2), 1]))
print(statistics.fmean([3.5, 4.0, 5.25]), statistics.fmean([1, 2, 3]), statistics.fmean(iter([1, 2])))
print(statistics.fmean([1, 2, 3], weights=[3, 1, 0]), statistics.fmean([F(1, 3), 2]))
print(round(statistics.geometric_mean([54, 24, 36]), 9), statistics.geometric_mean([2, 8]))
print(statistics.harmonic_mean([40, 60]), statistics.harmonic_mean([40, 60], weights=[5, 30]))
print(repr(statistics.harmonic_mean([F(1, 2), F(1, 3)])), statistics.harmonic_mean([2.5, 3, 10]),
      statistics.harmonic_mean([1, 0, 3]), statistics.harmonic_mean([7]), statistics.harmonic_mean([2, 4]))
print(statistics.median([1, 3, 5]), statistics.median([1, 3, 5, 7]), statistics.median([5, 1, 4, 2]),
      repr(statistics.median([F(1, 2), F(1, 3)])), statistics.median([2.5, 1]))
print(statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]), statistics.median_low([9, 1, 5]))
print(statistics.median_grouped([52, 52, 53, 54]), statistics.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]),
      statistics.median_grouped([1, 3, 3, 5, 7], interval=2), statistics.median_grouped([4]))
print(statistics.mode([1, 1, 2, 3, 3, 3, 3, 4]), statistics.mode(["red", "blue", "blue", "red", "green", "red", "red"]),
      statistics.mode(["red", "red", "green", "blue", "blue"]), statistics.mode("aabbbc"), statistics.mode([1, 1.0, True, 2]))
print(statistics.multimode("aabbbbccddddeeffffgg"), statistics.multimode(""), statistics.multimode([3, 1, 3, 1, 2]))
data = [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104]
print([round(q, 1) for q in statistics.quantiles(data, n=10)])
print(statistics.quantiles([1, 2, 3, 4, 5]), statistics.quantiles([1, 2, 3, 4, 5], method="inclusive"))
print(statistics.quantiles([1, 9], n=3), statistics.quantiles([0.5, 2, 7.25], n=4), statistics.quantiles([F(1, 2), 1, 3]))
print(statistics.quantiles([1, 2], n=1), statistics.quantiles(range(1, 11), n=5, method="inclusive"))
print(issubclass(StatisticsError, ValueError), StatisticsError.__mro__[1].__name__)

def attempt(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except (StatisticsError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)

attempt(statistics.mean, [])
attempt(statistics.mean, iter([]))
attempt(statistics.mean, ["a", "b"])
attempt(statistics.fmean, [])
attempt(statistics.fmean, [1, 2], weights=[1])
attempt(statistics.fmean, [1, 2], weights=[1, -1])
attempt(statistics.geometric_mean, [])
attempt(statistics.geometric_mean, [1, 0, 2])
attempt(statistics.geometric_mean, [4, -1])
attempt(statistics.harmonic_mean, [])
attempt(statistics.harmonic_mean, [1, -2])
attempt(statistics.harmonic_mean, [-3])
attempt(statistics.harmonic_mean, ["x"])
attempt(statistics.harmonic_mean, [1, 2], weights=[1])
attempt(statistics.harmonic_mean, [1, 2], weights=[0, 0])
attempt(statistics.median, [])
attempt(statistics.median_low, [])
attempt(statistics.median_high, [])
attempt(statistics.median_grouped, [])
attempt(statistics.median_grouped, ["a", "b", "c"])
attempt(statistics.mode, [])
attempt(statistics.quantiles, [1, 2, 3], n=0)
attempt(statistics.quantiles, [1])
attempt(statistics.quantiles, [1, 2, 3], method="middle")
print(statistics.mean([1.0, float("inf")]), statistics.mean([float("inf"), float("-inf")]), statistics.median([1.5]))
