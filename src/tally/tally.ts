/** How many people have spoken up, and how many backed each recommendation (by id). */
export interface Tally {
  total: number;
  recommendations: Readonly<Record<string, number>>;
}
