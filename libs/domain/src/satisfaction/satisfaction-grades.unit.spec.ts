import { satisfactionRate, totalBallots } from './satisfaction-grades';

describe('satisfactionRate', () => {
  it('is the share of 满意 + 比较满意 + 基本满意 in all ballots', () => {
    const counts = { satisfied: 50, fairly_satisfied: 20, basically_satisfied: 10, dissatisfied: 20 };
    expect(totalBallots(counts)).toBe(100);
    expect(satisfactionRate(counts)).toBe(0.8);
  });

  it('is exactly the threshold when the ratio is, so 4 of 5 passes 0.8', () => {
    expect(satisfactionRate({ satisfied: 1, fairly_satisfied: 1, basically_satisfied: 2, dissatisfied: 1 })).toBe(0.8);
  });

  it('is null, not 0 or 1, when nobody voted', () => {
    expect(satisfactionRate({ satisfied: 0, fairly_satisfied: 0, basically_satisfied: 0, dissatisfied: 0 })).toBeNull();
  });
});
