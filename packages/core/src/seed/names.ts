/**
 * Name stock for synthetic people, across nationalities seen in UK NRM statistics.
 * Each name lists the spellings it is met under (transliterations, anglicisations);
 * `script` gives a native-script form where one is commonly written.
 */
export interface NameForm {
  readonly name: string;
  readonly variants?: readonly string[];
  readonly script?: string;
}

export interface NationalityNames {
  readonly nationality: string; // ISO 3166-1 alpha-3
  readonly weight: number; // share among synthetic people
  readonly male: readonly NameForm[];
  readonly female: readonly NameForm[];
  readonly family: readonly NameForm[];
  /** Family name usually written first (Chinese, Vietnamese). */
  readonly familyFirst?: boolean;
}

const f = (name: string, variants?: string[], script?: string): NameForm => ({ name, variants, script });

export const NATIONALITIES: readonly NationalityNames[] = [
  {
    nationality: 'GBR',
    weight: 30,
    male: [
      f('William', ['Bill', 'Will', 'Billy']),
      f('Robert', ['Bob', 'Rob', 'Bobby']),
      f('Daniel', ['Dan', 'Danny']),
      f('Thomas', ['Tom', 'Tommy']),
      f('Rhys', ['Rees', 'Reece']),
      f('Gareth', ['Gaz']),
      f('Dylan'),
      f('Jack', ['Jac']),
      f('Michael', ['Mike', 'Mick']),
      f('Christopher', ['Chris', 'Kit']),
      f('Anthony', ['Tony']),
      f('Owain', ['Owen']),
      f('Jordan'),
      f('Kyle'),
      f('Liam'),
    ],
    female: [
      f('Katherine', ['Kate', 'Katie', 'Catherine', 'Kathryn']),
      f('Elizabeth', ['Liz', 'Beth', 'Lizzie']),
      f('Rebecca', ['Becky', 'Becca']),
      f('Sian', ['Siân', 'Shan']),
      f('Megan', ['Meg']),
      f('Chloe'),
      f('Jessica', ['Jess']),
      f('Bethan'),
      f('Ffion'),
      f('Amber'),
      f('Courtney'),
      f('Danielle', ['Dani']),
    ],
    family: [
      f('Jones'),
      f('Williams'),
      f('Davies', ['Davis']),
      f('Evans'),
      f('Thomas'),
      f('Roberts'),
      f('Lewis'),
      f('Hughes'),
      f('Morgan'),
      f('Griffiths', ['Griffith']),
      f('Price'),
      f('Powell'),
      f('Phillips', ['Philips']),
      f('Watkins'),
      f('Pritchard'),
    ],
  },
  {
    nationality: 'ALB',
    weight: 14,
    male: [
      f('Ardit', ['Arditi']),
      f('Erion', ['Erjon']),
      f('Klodian', ['Klodjan']),
      f('Besnik'),
      f('Arben'),
      f('Gentian', ['Genti']),
      f('Fatjon'),
      f('Endri'),
      f('Dritan'),
    ],
    female: [f('Elira'), f('Anisa'), f('Erjona', ['Erion']), f('Klea'), f('Ornela'), f('Blerina')],
    family: [
      f('Hoxha', ['Hoxa', 'Hodja']),
      f('Shehu'),
      f('Gjoka'),
      f('Krasniqi', ['Krasniki']),
      f('Berisha'),
      f('Leka'),
      f('Dervishi', ['Dervishaj']),
      f('Cela', ['Çela']),
      f('Muça', ['Muca', 'Mucha']),
    ],
  },
  {
    nationality: 'VNM',
    weight: 10,
    familyFirst: true,
    male: [
      f('Van Minh', ['Minh', 'Văn Minh'], 'Văn Minh'),
      f('Duc Anh', ['Đức Anh', 'Duc-Anh'], 'Đức Anh'),
      f('Quang', ['Quang'], 'Quang'),
      f('Tuan', ['Tuấn'], 'Tuấn'),
      f('Hung', ['Hùng'], 'Hùng'),
      f('Thanh', ['Thành'], 'Thành'),
    ],
    female: [
      f('Thi Lan', ['Lan', 'Thị Lan'], 'Thị Lan'),
      f('Ngoc Anh', ['Ngọc Anh'], 'Ngọc Anh'),
      f('Thu Trang', ['Trang'], 'Thu Trang'),
      f('Hoa', ['Hòa'], 'Hòa'),
    ],
    family: [
      f('Nguyen', ['Nguyễn', 'Nguyn', 'Ngyuen', 'Win'], 'Nguyễn'),
      f('Tran', ['Trần'], 'Trần'),
      f('Le', ['Lê'], 'Lê'),
      f('Pham', ['Phạm', 'Fam'], 'Phạm'),
      f('Hoang', ['Hoàng', 'Huang'], 'Hoàng'),
      f('Vu', ['Vũ', 'Voo'], 'Vũ'),
      f('Dang', ['Đặng'], 'Đặng'),
    ],
  },
  {
    nationality: 'ERI',
    weight: 6,
    male: [f('Yonas', ['Yohannes', 'Johannes']), f('Tesfay', ['Tesfaye']), f('Filmon', ['Philemon']), f('Dawit', ['David']), f('Mebrahtu', ['Mebrahtom'])],
    female: [f('Senait', ['Senayt']), f('Helen', ['Hellen']), f('Selam', ['Salam']), f('Mehret', ['Meheret'])],
    family: [f('Tesfamariam', ['Tesfamaryam']), f('Ghebremedhin', ['Gebremedhin', 'Ghebremedin']), f('Haile', ['Hayle']), f('Kidane'), f('Berhane', ['Berhe'])],
  },
  {
    nationality: 'SDN',
    weight: 6,
    male: [
      f('Mohammed', ['Muhammad', 'Mohamed', 'Mohamad', 'Mohammad'], 'محمد'),
      f('Ahmed', ['Ahmad', 'Ahmet'], 'أحمد'),
      f('Omar', ['Umar'], 'عمر'),
      f('Yousif', ['Yusuf', 'Youssef', 'Joseph'], 'يوسف'),
      f('Abdallah', ['Abdullah', 'Abdulla'], 'عبدالله'),
    ],
    female: [f('Fatima', ['Fatimah', 'Fatma'], 'فاطمة'), f('Amina', ['Aminah'], 'أمينة'), f('Mariam', ['Maryam', 'Miriam'], 'مريم')],
    family: [
      f('Abdelrahman', ['Abdul Rahman', 'Abdulrahman'], 'عبدالرحمن'),
      f('Osman', ['Othman', 'Uthman'], 'عثمان'),
      f('Hassan', ['Hasan'], 'حسن'),
      f('Ibrahim', ['Ebrahim'], 'إبراهيم'),
      f('Adam', ['Adem'], 'آدم'),
    ],
  },
  {
    nationality: 'ROU',
    weight: 6,
    male: [
      f('Ștefan', ['Stefan', 'Steven']),
      f('Ionuț', ['Ionut', 'Ion']),
      f('Andrei', ['Andrey', 'Andrew']),
      f('Mihai', ['Mihail']),
      f('Florin'),
      f('Gheorghe', ['George']),
    ],
    female: [f('Ioana', ['Ioanna']), f('Elena'), f('Andreea', ['Andrea']), f('Mihaela', ['Michaela'])],
    family: [f('Popescu', ['Popesku']), f('Ionescu'), f('Dumitru'), f('Stan'), f('Constantin', ['Konstantin']), f('Lăcătuș', ['Lacatus', 'Lacatush'])],
  },
  {
    nationality: 'POL',
    weight: 5,
    male: [f('Paweł', ['Pawel', 'Paul']), f('Łukasz', ['Lukasz', 'Luke']), f('Krzysztof', ['Kristof', 'Chris']), f('Piotr', ['Peter']), f('Tomasz', ['Tom'])],
    female: [f('Agnieszka', ['Agnes']), f('Małgorzata', ['Malgorzata', 'Gosia']), f('Katarzyna', ['Kasia', 'Kate']), f('Joanna', ['Asia'])],
    family: [f('Kowalski', ['Kowalsky']), f('Wiśniewski', ['Wisniewski']), f('Wójcik', ['Wojcik']), f('Nowak', ['Novak']), f('Lewandowski')],
  },
  {
    nationality: 'CHN',
    weight: 4,
    familyFirst: true,
    male: [f('Wei', ['Way'], '伟'), f('Hao', [], '浩'), f('Jun', ['Chun'], '军'), f('Ming', [], '明')],
    female: [f('Li Na', ['Lina'], '丽娜'), f('Xiu Ying', ['Xiuying', 'Hsiu-ying'], '秀英'), f('Mei', ['May'], '梅')],
    family: [
      f('Zhang', ['Chang', 'Cheung'], '张'),
      f('Wang', ['Wong'], '王'),
      f('Li', ['Lee', 'Lei'], '李'),
      f('Chen', ['Chan'], '陈'),
      f('Liu', ['Lau'], '刘'),
    ],
  },
  {
    nationality: 'BGR',
    weight: 3,
    male: [f('Ivan', ['Iwan'], 'Иван'), f('Georgi', ['Georgy', 'George'], 'Георги'), f('Dimitar', ['Dimitur', 'Dimitri'], 'Димитър')],
    female: [f('Maria', ['Mariya'], 'Мария'), f('Elena', ['Yelena'], 'Елена'), f('Desislava', ['Desi'], 'Десислава')],
    family: [f('Petrov', ['Petroff'], 'Петров'), f('Ivanov', ['Ivanoff'], 'Иванов'), f('Georgiev', ['Georgieff'], 'Георгиев'), f('Dimitrov', [], 'Димитров')],
  },
  {
    nationality: 'IRN',
    weight: 4,
    male: [f('Reza', ['Rezza'], 'رضا'), f('Mehdi', ['Mahdi'], 'مهدی'), f('Hossein', ['Hussein', 'Hosein'], 'حسین'), f('Amir', ['Ameer'], 'امیر')],
    female: [f('Zahra', ['Zara'], 'زهرا'), f('Maryam', ['Mariam'], 'مریم')],
    family: [f('Hosseini', ['Husseini'], 'حسینی'), f('Ahmadi', [], 'احمدی'), f('Rezaei', ['Rezai'], 'رضایی'), f('Karimi', [], 'کریمی')],
  },
  {
    nationality: 'AFG',
    weight: 3,
    male: [f('Ahmad', ['Ahmed'], 'احمد'), f('Mohammad', ['Mohammed', 'Muhammad'], 'محمد'), f('Ali', [], 'علی'), f('Farid', ['Fareed'], 'فرید')],
    female: [f('Parwana', ['Parvana'], 'پروانه'), f('Nazia', [], 'نازیه')],
    family: [f('Rahimi', [], 'رحیمی'), f('Popal', [], 'پوپل'), f('Safi', ['Saafi'], 'صافی'), f('Noori', ['Nouri', 'Nuri'], 'نوری')],
  },
  {
    nationality: 'NGA',
    weight: 3,
    male: [f('Chinedu', ['Chinedum']), f('Emeka', ['Chukwuemeka']), f('Oluwaseun', ['Seun', 'Shaun'])],
    female: [f('Blessing'), f('Chioma', ['Chiamaka']), f('Adaeze', ['Ada'])],
    family: [f('Okafor', ['Okafo']), f('Adeyemi', ['Adeyemmi']), f('Okonkwo'), f('Eze')],
  },
  {
    nationality: 'IND',
    weight: 3,
    male: [f('Rajesh', ['Raj']), f('Gurpreet', ['Gurprit']), f('Arjun'), f('Vikram', ['Vik'])],
    female: [f('Priya', ['Preeya']), f('Harpreet', ['Harprit']), f('Anjali')],
    family: [f('Singh'), f('Kaur'), f('Patel', ['Patil']), f('Sharma', ['Sarma'])],
  },
  {
    nationality: 'SVK',
    weight: 3,
    male: [f('Marek', ['Mark']), f('Ján', ['Jan', 'John']), f('Peter', ['Petr'])],
    female: [f('Zuzana', ['Zuza', 'Susan']), f('Jana')],
    family: [f('Horváth', ['Horvath', 'Horvat']), f('Kováč', ['Kovac', 'Kovach']), f('Balog', ['Balogh']), f('Lakatoš', ['Lakatos'])],
  },
];

/** Plural, nationality-neutral street stock for Welsh towns. */
export const STREETS = [
  'High Street',
  'Commercial Street',
  'Station Road',
  'Church Street',
  'Victoria Road',
  'Bridge Street',
  'Park Road',
  'Alexandra Road',
  'Chepstow Road',
  'Caerleon Road',
  'Cardiff Road',
  'Market Street',
  'Heol y Parc',
  'Stow Hill',
  'Maindee Parade',
  'Corporation Road',
  'Bryn Road',
  'Gwent Road',
  'Llanover Road',
  'Hill Street',
  'Queen Street',
  'Mill Street',
  'Islwyn Road',
  'Heol Las',
  'Lon y Llyn',
  'Tudor Road',
  'Oakfield Road',
  'Malpas Road',
  'Bassaleg Road',
  'Glebe Street',
  'King Street',
  'Pentonville',
  'Cromwell Road',
  'Duckpool Road',
  'Somerton Road',
];

export const BUSINESS_NAMES: Record<string, readonly string[]> = {
  hand_car_wash: ['Sparkle Hand Car Wash', 'Quick Shine Valeting', 'Diamond Car Wash', 'Eco Hand Wash', 'Supreme Valet'],
  nail_bar: ['Lovely Nails', 'Star Nails & Spa', 'Perfect Nails', 'Glamour Nails', 'Angel Nails'],
  farm: ['Ty Mawr Farm', 'Pen-y-Bryn Farm', 'Upper House Farm', 'Glebe Farm', 'Cwm Farm Produce'],
  takeaway: ['Golden Dragon', 'Valley Kebab House', 'Jade Garden', 'Pizza Express Newport Road', 'Bengal Spice'],
  factory: ['Severnside Packaging', 'Valleys Food Processing', 'Gwent Textiles', 'Usk Vale Meats'],
  hotel: ['Riverside Lodge', 'Station Hotel', 'Castle View Guest House', 'Bridge Inn Rooms'],
  recruitment_agency: ['Fast Track Staffing', 'Euro Workforce Solutions', 'Valleys Labour Hire'],
  construction: ['B&R Groundworks', 'Newport Build Services', 'Celtic Roofing'],
  barber: ['Kings Barbers', 'Fade Masters', 'Turkish Barber Shop'],
  massage_parlour: ['Oriental Relax', 'Lotus Massage', 'Bamboo Therapy'],
};

export const VEHICLE_MAKES = [
  ['Ford', 'Transit'],
  ['Vauxhall', 'Astra'],
  ['BMW', '3 Series'],
  ['Mercedes-Benz', 'Sprinter'],
  ['Volkswagen', 'Golf'],
  ['Toyota', 'Prius'],
  ['Audi', 'A4'],
  ['Skoda', 'Octavia'],
  ['Nissan', 'Qashqai'],
  ['Peugeot', 'Partner'],
] as const;

export const COLOURS = ['black', 'white', 'silver', 'grey', 'blue', 'red'] as const;
