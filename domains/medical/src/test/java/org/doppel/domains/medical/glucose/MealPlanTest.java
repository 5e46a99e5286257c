package org.doppel.domains.medical.glucose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MealPlanTest {

  private final MealPlan plan = new MealPlan(List.of(new MealPlan.DailyMeal(7, 45),
      new MealPlan.DailyMeal(18.5, 80)), 30, 0.2);

  @Test
  void mealsFallOnControlStepsNearTheirHourWithSeededVariation() {
    List<MealPlan.Meal> meals = plan.meals(3, 5, 9);

    assertEquals(6, meals.size());
    for (int i = 0; i < meals.size(); i++) {
      MealPlan.Meal meal = meals.get(i);
      MealPlan.DailyMeal daily = plan.daily().get(i % 2);
      assertEquals(0, meal.minute() % 5);
      assertTrue(Math.abs(meal.minute() - (i / 2 * 1440 + daily.hour() * 60)) <= 32.5);
      assertTrue(Math.abs(meal.grams() / daily.grams() - 1) <= 0.2);
    }
    assertEquals(meals, plan.meals(3, 5, 9), "same seed, same meals");
    assertTrue(!meals.equals(plan.meals(3, 5, 10)), "another seed, other meals");
  }

  @Test
  void impossibleMealsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new MealPlan.DailyMeal(24, 50));
    assertThrows(IllegalArgumentException.class, () -> new MealPlan.DailyMeal(8, -1));
    assertThrows(IllegalArgumentException.class, () -> new MealPlan(List.of(), 30, 1.5));
  }
}
