package org.doppel.domains.medical.glucose;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The meals of a multi-day scenario: the same daily meals every day, each moved by a seeded
 * random time shift and scaled by a seeded random factor, so days differ as real days do.
 *
 * @param daily the day's meals (hour of day and grams of carbohydrate)
 * @param timeJitterMinutes the largest shift of a meal, either way, in minutes
 * @param sizeVariation the largest relative change of a meal's size, in [0, 1)
 */
record MealPlan(List<DailyMeal> daily, double timeJitterMinutes, double sizeVariation) {

  MealPlan {
    daily = List.copyOf(daily);
    if (!(timeJitterMinutes >= 0 && timeJitterMinutes < 720)) {
      throw new IllegalArgumentException("meal time jitter must be in [0, 720) min, got "
          + timeJitterMinutes);
    }
    if (!(sizeVariation >= 0 && sizeVariation < 1)) {
      throw new IllegalArgumentException("meal size variation must be in [0, 1), got "
          + sizeVariation);
    }
  }

  /** A meal of the daily plan. */
  record DailyMeal(double hour, double grams) {

    DailyMeal {
      if (!(hour >= 0 && hour < 24)) {
        throw new IllegalArgumentException("meal hour must be in [0, 24), got " + hour);
      }
      if (!(grams >= 0 && grams <= 500)) {
        throw new IllegalArgumentException("meal size must be 0 to 500 g, got " + grams);
      }
    }
  }

  /** A meal of the scenario: eating starts at {@code minute}. */
  record Meal(long minute, double grams) {
  }

  /**
   * The meals of {@code days} days, in time order, each starting on a multiple of
   * {@code period} minutes (so it is announced at a control step) and within the run.
   */
  List<Meal> meals(int days, int period, long seed) {
    Random random = new Random(seed);
    List<Meal> meals = new ArrayList<>();
    long end = days * 1440L;
    for (int day = 0; day < days; day++) {
      for (DailyMeal meal : daily) {
        double shift = (2 * random.nextDouble() - 1) * timeJitterMinutes;
        double scale = 1 + (2 * random.nextDouble() - 1) * sizeVariation;
        long minute = Math.round((day * 1440 + meal.hour() * 60 + shift) / period) * period;
        if (minute >= 0 && minute < end && meal.grams() > 0) {
          meals.add(new Meal(minute, meal.grams() * scale));
        }
      }
    }
    meals.sort((a, b) -> Long.compare(a.minute(), b.minute()));
    return meals;
  }
}
