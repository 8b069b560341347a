import { applyMask } from '../../src/auth/masking/apply-mask';
import { maskAccountNo } from '../../src/auth/masking/mask-account-no';
import { maskAddress } from '../../src/auth/masking/mask-address';
import { maskIdNumber } from '../../src/auth/masking/mask-id-number';
import { maskName } from '../../src/auth/masking/mask-name';
import { maskPhone } from '../../src/auth/masking/mask-phone';

describe('masks', () => {
  it('keeps the region and the last four of a resident ID', () => {
    expect(maskIdNumber('340102199001011234')).toBe('3401**********1234');
  });

  it('keeps the prefix and the last four of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps only the last four digits of an account number', () => {
    expect(maskAccountNo('6222021305001234567')).toBe('***************4567');
    expect(applyMask('accountNo', '341524010003127')).toBe('***********3127');
    expect(maskAccountNo('1234')).toBe('****');
  });

  it('keeps only the surname', () => {
    expect(maskName('王小明')).toBe('王**');
  });

  it.each([
    ['安徽省六安市金寨县梅山镇红军路128号3栋502室', '安徽省六安市金寨县'],
    ['安徽省六安市霍邱县城关镇蓼都大道9号2栋301室', '安徽省六安市霍邱县'],
    ['北京市海淀区中关村大街27号', '北京市海淀区'],
    ['江苏省苏州市昆山市玉山镇同丰路8号', '江苏省苏州市昆山市'],
    ['内蒙古自治区呼伦贝尔市海拉尔区胜利大街1号', '内蒙古自治区呼伦贝尔市海拉尔区'],
    ['安徽省六安市', '安徽省六安市'],
  ])('cuts %s to its district', (address, district) => {
    expect(maskAddress(address)).toBe(district);
  });

  it('never passes a street through when no division comes first', () => {
    expect(maskAddress('红军路128号家家乐超市旁')).toBe('');
    expect(maskAddress('梅山镇红军路128号')).toBe('');
  });

  it('withholds values a mask cannot apply to rather than pass them through', () => {
    expect(applyMask('idNumber', 12345)).toBeNull();
    expect(applyMask('idNumber', { idNumber: '340102199001011234' })).toBeNull();
    expect(applyMask('phone', ['13812345678'])).toEqual(['138****5678']);
    expect(applyMask('address', null)).toBeNull();
  });
});
